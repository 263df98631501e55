namespace Execline.Rc.Sources;

/// Every name met while reading the sources, defined or only listed so far, with its type and its index
/// among the definitions of that type. Names listed but never defined are caught when the lists are
/// resolved.
sealed class NameTable
{
    public sealed class Entry(ServiceType type, int index)
    {
        public ServiceType Type { get; set; } = type;
        public int Index { get; set; } = index;
    }

    /// What s6-rc-compile says its own definitions (the internal longruns, the pipeline bundles) come from.
    public const string Internals = "s6-rc-compile internals";

    readonly Dictionary<string, Entry> _names = new(StringComparer.Ordinal);

    public Entry? Find(string name) => _names.GetValueOrDefault(name);

    /// A name read in a list of where: known from now on, defined or not.
    public void Mention(string where, string name)
    {
        CheckNotReserved(where, name);
        if (!_names.ContainsKey(name)) _names[name] = new Entry(ServiceType.Undefined, 0);
    }

    /// The definition of a name, read in source (a directory, or Internals): the index-th of its type.
    public void Define(string source, string name, ServiceType type, int index)
    {
        CheckNotReserved(source, name);
        DefineInternal(source, name, type, index);
    }

    /// A definition of s6-rc-compile's own, which may use the reserved prefixes.
    public void DefineInternal(string source, string name, ServiceType type, int index)
    {
        if (_names.TryGetValue(name, out var e))
        {
            if (e.Type != ServiceType.Undefined)
                throw new RcError(1,
                    $"duplicate service definition: {name} defined in {source} is already defined and has type {e.Type.Word()}");
            e.Type = type;
            e.Index = index;
        }
        else _names[name] = new Entry(type, index);
    }

    /// The prefixes s6-rc keeps for its own services, refused wherever a name is read.
    public static void CheckNotReserved(string where, string name)
    {
        if (name.StartsWith("s6rc-", StringComparison.Ordinal) || name.StartsWith("s6-rc-", StringComparison.Ordinal))
            throw new RcError(1, $"in {where}: identifier {name} starts with reserved prefix");
    }
}
