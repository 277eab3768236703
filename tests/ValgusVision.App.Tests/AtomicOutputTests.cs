using ValgusVision.Video;

namespace ValgusVision.App.Tests;

/// <summary>
/// A write that fails part-way (issue 21 item 3: a full disk) is one error naming the output the user asked for, the
/// half-written temporary is gone and the finished file from before is untouched.
/// </summary>
public sealed class AtomicOutputTests : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_full_disk_midway_keeps_the_older_file_removes_the_temporary_and_says_so_in_one_line()
    {
        string path = _dir.File("trial.reps.csv");
        File.WriteAllText(path, "rep,fppa\n1,8.5\n");

        var error = Assert.Throws<OutputWriteException>(() => AtomicOutput.WriteStream(path, stream =>
        {
            var full = new FullDiskStream(stream, roomBytes: 10);
            full.Write("rep,fppa,side\n1,9.0,left\n"u8);
        }));

        Assert.Equal($"{path}: cannot be written: the disk is full (no space left on device)", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(path, error.OutputPath);
        Assert.Equal("rep,fppa\n1,8.5\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Another_failure_names_the_output_not_the_hidden_temporary()
    {
        string path = _dir.File("trial.report.html");

        var error = Assert.Throws<OutputWriteException>(() => AtomicOutput.Write(path, temp =>
        {
            File.WriteAllText(temp, "<html>");
            throw new UnauthorizedAccessException($"Access to the path '{temp}' is denied.");
        }));

        Assert.StartsWith($"{path}: cannot be written: Access to the path '", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_dir.Path + "/.", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void A_buffered_writer_is_written_whole_and_its_failure_is_an_ordinary_error()
    {
        string path = _dir.File("trial.report.pdf");
        AtomicOutput.WriteBuffered(path, stream => stream.Write("%PDF-1.7 whole"u8));
        Assert.Equal("%PDF-1.7 whole", File.ReadAllText(path));

        var error = Assert.Throws<OutputWriteException>(() =>
            AtomicOutput.WriteBuffered(path, stream => new FullDiskStream(stream, 0).Write("%PDF-1.7 new"u8)));
        Assert.Contains("the disk is full", error.Message, StringComparison.Ordinal);
        Assert.Equal("%PDF-1.7 whole", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
    }

    /// <summary>A stream with room for a few bytes, then ENOSPC as .NET reports it on Linux.</summary>
    private sealed class FullDiskStream(Stream inner, int roomBytes) : Stream
    {
        private int _room = roomBytes;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            int n = Math.Min(_room, buffer.Length);
            inner.Write(buffer[..n]);
            _room -= n;
            if (n < buffer.Length)
            {
                throw new IOException("No space left on device : '/somewhere/.trial.partial-1.csv'", 28);
            }
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
