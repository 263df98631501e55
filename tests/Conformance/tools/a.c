/* The argv printer the conformance cases use: each argument as [arg] on one line, "\" as "\\",
   bytes outside 0x20-0x7E as \xHH. */
#include <stdio.h>
int main(int argc, char **argv)
{
  for (int i = 1; i < argc; i++) {
    putchar('[');
    for (unsigned char *p = (unsigned char *)argv[i]; *p; p++) {
      if (*p == '\\') fputs("\\\\", stdout);
      else if (*p < 0x20 || *p > 0x7e) printf("\\x%02x", *p);
      else putchar(*p);
    }
    putchar(']');
  }
  putchar('\n');
  return 0;
}
