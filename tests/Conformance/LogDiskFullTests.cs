using System.Diagnostics;
using System.Text;

namespace Execline.Tests.Conformance;

/// s6-log on a full disk: it keeps every line in memory and retries, stays alive, and once space returns
/// the log holds every line exactly once, in order, across archives and current.
public class LogDiskFullTests
{
    [Fact]
    public void Every_line_arrives_once_after_the_disk_was_full_and_s6_log_never_exits_meanwhile()
    {
        if (Environment.UserName != "root") return; // mounting a tmpfs needs root
        var dir = Directory.CreateTempSubdirectory("logfull.").FullName;
        var fs = Path.Combine(dir, "fs");
        Directory.CreateDirectory(fs);
        Assert.Equal(0, Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", fs));
        try
        {
            var s6log = Path.Combine(dir, "s6-log");
            File.CreateSymbolicLink(s6log, Sandbox.Ours);
            var psi = new ProcessStartInfo(s6log)
            {
                WorkingDirectory = dir, RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var a in new[] { "r50", "n1000", "s4096", "./fs/ld" }) psi.ArgumentList.Add(a);
            var stderr = new StringBuilder();
            using var logger = Process.Start(psi)!;
            logger.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
            logger.BeginErrorReadLine();
            WaitFor(() => File.Exists(Path.Combine(fs, "ld", "current")));

            // Fill the file system to the last byte, then log more than it could ever hold at that point.
            var ballast = Path.Combine(fs, "ballast");
            FillUntilFull(ballast);
            var input = new StringBuilder();
            for (int i = 1; i <= 600; i++) input.Append($"line {i:D5} of the test, long enough to fill pages\n");
            var bytes = Encoding.Latin1.GetBytes(input.ToString());
            logger.StandardInput.BaseStream.Write(bytes);
            logger.StandardInput.BaseStream.Flush();
            WaitFor(() => { lock (stderr) return stderr.ToString().Contains("No space left on device"); });

            // End of input while the disk is still full: the logger must wait, not exit and drop lines.
            logger.StandardInput.Close();
            Thread.Sleep(500);
            Assert.False(logger.HasExited);

            File.Delete(ballast);
            Assert.True(logger.WaitForExit(10_000));
            Assert.Equal(0, logger.ExitCode);
            lock (stderr) Assert.Contains("s6-log: warning: unable to write to ./fs/ld/current: No space left on device", stderr.ToString());

            var ld = Path.Combine(fs, "ld");
            var archives = Directory.GetFiles(ld, "@*.s").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(archives);
            var logged = new MemoryStream();
            foreach (var name in archives.Append("current")) logged.Write(File.ReadAllBytes(Path.Combine(ld, name!)));
            Assert.Equal(input.ToString(), Encoding.Latin1.GetString(logged.ToArray()));
        }
        finally
        {
            Command("umount", fs);
            Directory.Delete(dir, true);
        }
    }

    static void FillUntilFull(string path)
    {
        using var f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, 1);
        var page = new byte[512];
        try
        {
            while (true) { f.Write(page); f.Flush(); }
        }
        catch (IOException) { } // ENOSPC: full
    }

    static void WaitFor(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(sw.ElapsedMilliseconds < 10_000, "timed out");
            Thread.Sleep(20);
        }
    }

    static int Command(string name, params string[] args)
    {
        using var p = Process.Start(name, args);
        p.WaitForExit();
        return p.ExitCode;
    }
}
