namespace Execline.Admin.Check;

/// How a chain-loading builtin reads its arguments before the command it runs next: its options (getopt
/// letters, ':' after one that takes a value) and then its fixed arguments, each 'a' a word, 'p' a block
/// holding a command line of its own, 'b' a block of something else (a list, case's regexes, trap's
/// signals). What follows is the next command of the chain. A builtin that is not here ends the walk: its
/// arguments are not commands (or are not known to be).
sealed record ChainSyntax(string Options, string Shape)
{
    public static readonly Dictionary<string, ChainSyntax> Builtins = new()
    {
        // execline's control flow
        ["if"] = new("Xnt", "p"),
        ["ifelse"] = new("Xn", "pp"),
        ["ifte"] = new("Xn", "pp"),
        ["ifthenelse"] = new("Xns", "ppp"),
        ["foreground"] = new("", "p"),
        ["background"] = new("d", "p"),
        ["pipeline"] = new("drw", "p"),
        ["tryexec"] = new("ncla:", "p"),
        ["backtick"] = new("iID:NnEex", "ap"),
        ["withstdinas"] = new("iID:NnEe", "a"),
        ["forx"] = new("pEeo:", "ab"),
        ["forbacktickx"] = new("pEeo:x:NnCc0d:", "ap"),
        ["forstdin"] = new("pEeo:x:NnCc0d:", "a"),
        ["loopwhilex"] = new("nx:o:", ""),
        ["case"] = new("sSeEinN", "ab"),
        ["trap"] = new("x", "b"),
        ["wait"] = new("Iirt:", "b"),
        ["exec"] = new("cla:", ""),
        // variables
        ["define"] = new("NnsCcd:", "aa"),
        ["importas"] = new("iD:NnsCcd:uS", "aa"),
        ["export"] = new("", "aa"),
        ["unexport"] = new("", "a"),
        ["multidefine"] = new("0NnrCcd:", "ab"),
        ["multisubstitute"] = new("", "b"),
        ["elglob"] = new("vwsme0", "aa"),
        ["elgetpositionals"] = new("P:", ""),
        ["elgetopt"] = new("", "a"),
        ["shift"] = new("n:b:", ""),
        ["getpid"] = new("Ee", "a"),
        ["getcwd"] = new("Ee", "a"),
        ["emptyenv"] = new("pcoP", ""),
        ["envfile"] = new("Ii", "a"),
        // descriptors and process state
        ["cd"] = new("", "a"),
        ["execline-cd"] = new("", "a"),
        ["umask"] = new("", "a"),
        ["heredoc"] = new("d", "aa"),
        ["redirfd"] = new("rwuacxnb", "aa"),
        ["fdmove"] = new("c", "aa"),
        ["fdswap"] = new("", "aa"),
        ["fdclose"] = new("", "a"),
        ["fdreserve"] = new("", "a"),
        ["fdblock"] = new("n", "a"),
        ["piperw"] = new("", "aa"),
        // s6's chain loaders, and s6-overlay's
        ["s6-envdir"] = new("IifLnc:", "a"),
        ["s6-envuidgid"] = new("ugBniD:", "a"),
        ["s6-setuidgid"] = new("", "a"),
        ["s6-applyuidgid"] = new("u:g:G:Uz", ""),
        ["s6-softlimit"] = new("a:c:d:f:l:m:o:p:r:s:t:", ""),
        ["s6-setsid"] = new("sbfgiIqd:", ""),
        ["s6-setlock"] = new("nNrwt:d:", "a"),
        ["s6-notifyoncheck"] = new("d3:s:T:t:w:n:c:", ""),
        ["s6-fghack"] = new("", ""),
        ["with-contenv"] = new("", ""),
    };

    public bool TakesValue(char option) => Options.IndexOf(option) is var i and >= 0 && i + 1 < Options.Length && Options[i + 1] == ':';
}
