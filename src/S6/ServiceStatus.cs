using System.Buffers.Binary;
using Execline.Native;

namespace Execline.S6;

/// The 35 bytes of `supervise/status` as s6-supervise writes them: stamp (last up/down transition),
/// readystamp (last readiness or down-readiness), pid (run's, or finish's while finishing), the raw wait
/// status of run's last death, and four flag bits. Every field is big-endian.
public record struct ServiceStatus
{
    public const int Size = 35;
    const byte PausedBit = 1, FinishingBit = 2, WantUpBit = 4, ReadyBit = 8;

    public Tai64n Stamp;
    public Tai64n ReadyStamp;
    public long Pid;
    /// waitpid's status of run's last death: code << 8, or the signal (+0x80 with a core dump).
    public ushort Wstat;
    public bool Paused, Finishing, WantUp, Ready;

    /// Up as every client sees it: a pid, and it is run's.
    public readonly bool IsUp => Pid != 0 && !Finishing;

    public readonly bool DiedOfSignal => Signal != 0;
    public readonly int Signal => new Execline.Runtime.WaitStatus(Wstat).Signal;
    public readonly int ExitCode => new Execline.Runtime.WaitStatus(Wstat).ExitCode;

    public readonly byte Flags =>
        (byte)((Paused ? PausedBit : 0) | (Finishing ? FinishingBit : 0) | (WantUp ? WantUpBit : 0) | (Ready ? ReadyBit : 0));

    public readonly void Encode(Span<byte> into)
    {
        Stamp.Write(into);
        ReadyStamp.Write(into[12..]);
        BinaryPrimitives.WriteUInt64BigEndian(into[24..], (ulong)Pid);
        BinaryPrimitives.WriteUInt16BigEndian(into[32..], Wstat);
        into[34] = Flags;
    }

    public readonly byte[] Encode()
    {
        var b = new byte[Size];
        Encode(b);
        return b;
    }

    /// Reads the first 35 bytes; false when there are fewer (s6's readers reject a short file too).
    public static bool TryDecode(ReadOnlySpan<byte> data, out ServiceStatus status)
    {
        status = default;
        if (data.Length < Size) return false;
        byte flags = data[34];
        status = new ServiceStatus
        {
            Stamp = Tai64n.Read(data),
            ReadyStamp = Tai64n.Read(data[12..]),
            Pid = (long)BinaryPrimitives.ReadUInt64BigEndian(data[24..]),
            Wstat = BinaryPrimitives.ReadUInt16BigEndian(data[32..]),
            Paused = (flags & PausedBit) != 0,
            Finishing = (flags & FinishingBit) != 0,
            WantUp = (flags & WantUpBit) != 0,
            Ready = (flags & ReadyBit) != 0,
        };
        return true;
    }

    /// `SERVICEDIR/supervise/status`, or null when missing, unreadable or short.
    public static ServiceStatus? Read(string serviceDir)
    {
        var data = Unistd.ReadFile(serviceDir + "/supervise/status");
        return data != null && TryDecode(data, out var s) ? s : null;
    }

    /// Writes `SERVICEDIR/supervise/status` as `status.new` renamed over it, so no reader sees it torn.
    /// Returns 0 or an errno.
    public readonly int Save(string serviceDir) => AtomicFile.Replace(serviceDir + "/supervise/status", Encode());
}
