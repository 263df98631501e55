namespace Execline.Builtins.Fds;

/// posix-umask's symbolic modes ("u+r,g-wx,o=u"), applied to the permissions a umask leaves. This follows
/// upstream's state machine, quirks included: "u=" alone changes nothing, a bare "=" clears everything,
/// "u=+r" means "u+r", a copy source must follow an operator written after an explicit who.
static class SymbolicMode
{
    enum S { Start, Who, Op, PermCopy, Perm, End, Invalid }

    /// The new permission bits (rwx for user, group, other), or null for an invalid string.
    public static int? Apply(string text, int permissions)
    {
        // classes[0] = other, [1] = group, [2] = user, as "ogu" indexes them.
        var classes = new[] { permissions & 7, (permissions >> 3) & 7, (permissions >> 6) & 7 };
        int who = 0, perm = 0;
        char op = '\0';
        var state = S.Start;
        for (int pos = 0; state != S.End && state != S.Invalid; pos++)
        {
            char c = pos < text.Length ? text[pos] : '\0';
            bool end = c == '\0', comma = c == ',', isOp = c is '+' or '-' or '=';
            bool isWho = c is 'u' or 'g' or 'o', isAll = c == 'a', isPerm = c is 'r' or 'w' or 'x' or 'X' or 's' or 't';
            switch (state)
            {
                case S.Start:
                    if (end) state = S.End;
                    else if (comma) state = S.Start;
                    // An operator with no who acts on all, and takes no copy source.
                    else if (isOp) { who |= 7; op = c; state = S.Perm; }
                    else if (isWho || isAll) { who |= WhoBits(c); state = S.Who; }
                    else state = S.Invalid;
                    break;
                case S.Who:
                    if (end) state = S.End;
                    else if (isOp) { op = c; state = S.Op; }
                    else if (isWho || isAll) who |= WhoBits(c);
                    else state = S.Invalid;
                    break;
                case S.Op:
                    // An operator with nothing after it is dropped.
                    if (end) state = S.End;
                    else if (comma) { who = 0; state = S.Start; }
                    else if (isOp) op = c;
                    else if (isWho) { perm = classes["ogu".IndexOf(c)]; state = S.PermCopy; }
                    else if (isPerm) { perm |= PermBits(c); state = S.Perm; }
                    else state = S.Invalid;
                    break;
                case S.PermCopy:
                case S.Perm:
                    if (isPerm && state == S.Perm) perm |= PermBits(c);
                    else if (end || comma || isOp)
                    {
                        Change(classes, who, op, perm);
                        perm = 0;
                        if (end) state = S.End;
                        else if (comma) { who = 0; state = S.Start; }
                        else { op = c; state = S.Op; }
                    }
                    else state = S.Invalid;
                    break;
            }
        }
        if (state == S.Invalid) return null;
        return (classes[2] << 6) | (classes[1] << 3) | classes[0];
    }

    static int WhoBits(char c) => c switch { 'u' => 4, 'g' => 2, 'o' => 1, _ => 7 };

    static int PermBits(char c) => c switch { 'r' => 4, 'w' => 2, 'x' or 'X' => 1, _ => 0 };

    static void Change(int[] classes, int who, char op, int perm)
    {
        for (int i = 0; i < 3; i++)
        {
            if ((who & (1 << i)) == 0) continue;
            classes[i] = op switch
            {
                '-' => classes[i] & ~perm,
                '+' => classes[i] | perm,
                _ => perm,
            };
        }
    }
}
