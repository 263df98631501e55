using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.EnvironmentVariables;

/// homeof user — print the home directory of user (from the system's passwd database) and a newline.
public sealed class Homeof : Builtin
{
    public override string Usage => "homeof user";

    public override Outcome Run(Invocation inv)
    {
        // No option parsing: "-x" is a user name like any other; extra operands are ignored.
        if (inv.Argv.Count < 2) throw inv.Usage();
        var user = inv.Argv[1];
        var home = Pwd.HomeOf(user, out int errno);
        if (home == null)
            throw errno != 0
                ? inv.DieErrno(111, "unable to get passwd entry for " + user, errno)
                : inv.DieBare(111, $"unable to get passwd entry for {user}: no such user");
        // The directory is a C string: it ends at a NUL, and the user name cannot hold one.
        int err = inv.Write(1, home + "\n");
        if (err != 0) throw inv.DieErrno(111, "unable to write to stdout", err);
        return Outcome.Exit(0);
    }
}
