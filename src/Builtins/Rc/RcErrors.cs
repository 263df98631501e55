using Execline.Rc;
using Execline.Runtime;

namespace Execline.Builtins.Rc;

static class RcErrors
{
    /// The fatal line and exit code of a database that cannot be compiled or read.
    public static Fatal Fail(this Invocation inv, RcError e) =>
        e.Errno != 0 ? inv.DieErrno(e.Code, e.Text, e.Errno) : inv.Die(e.Code, e.Text);
}
