using System.Text;

namespace Execline.Tests.Admin;

/// An image's root built by a test in a temporary directory: the files its init would find, nothing
/// else unless the test writes it. Deleted on Dispose.
public sealed class Image : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("admin-image.").FullName;

    /// An image where execline scripts can run: /command/execlineb, /bin/sh and /bin/sleep (empty
    /// executable files: only their presence is checked), root in /etc/passwd and /etc/group.
    public static Image Base()
    {
        var image = new Image();
        foreach (var program in (string[])["/command/execlineb", "/bin/sh", "/bin/sleep"]) image.Write(program, "", "755");
        image.Write("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n");
        image.Write("/etc/group", "root:x:0:\nnogroup:x:65534:\n");
        return image;
    }

    public Image Write(string path, string content, string mode = "644")
    {
        var at = Root + path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(at)!);
        File.WriteAllBytes(at, Encoding.Latin1.GetBytes(content));
        File.SetUnixFileMode(at, (UnixFileMode)Convert.ToInt32(mode, 8));
        return this;
    }

    public Image Link(string path, string target)
    {
        var at = Root + path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(at)!);
        File.CreateSymbolicLink(at, target);
        return this;
    }

    public Image Dir(string path)
    {
        Directory.CreateDirectory(Root + path);
        return this;
    }

    /// An s6-rc source definition in /etc/s6-overlay/s6-rc.d: files as name => content (run and finish
    /// executable).
    public Image Rc(string name, string type, params (string File, string Content)[] files)
    {
        Write($"/etc/s6-overlay/s6-rc.d/{name}/type", type + "\n");
        foreach (var (file, content) in files)
            Write($"/etc/s6-overlay/s6-rc.d/{name}/{file}", content, file is "run" or "finish" ? "755" : "644");
        return this;
    }

    public Ran Check(params string[] args) => AdminTool.Run(["check", Root, .. args]);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
