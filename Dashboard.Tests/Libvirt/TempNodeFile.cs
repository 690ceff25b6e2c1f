namespace SdnDashboard.Tests.Libvirt;

/// <summary>A copy of a node file in its own temporary folder, for tests that take the "hypervisor" away.</summary>
internal sealed class TempNodeFile : IDisposable
{
    private readonly string _folder;
    private readonly string _original;

    public TempNodeFile(string original)
    {
        _original = original;
        _folder = Directory.CreateTempSubdirectory("sdn-libvirt-").FullName;
        Path = System.IO.Path.Combine(_folder, System.IO.Path.GetFileName(original));
        File.Copy(original, Path);
    }

    public string Path { get; }

    public string Uri => "test://" + Path;

    /// <summary>Takes the node file away: the test driver can no longer open it.</summary>
    public void Remove() => File.Move(Path, Path + ".away");

    /// <summary>Puts it back unchanged.</summary>
    public void Restore() => File.Move(Path + ".away", Path);

    /// <summary>Rewrites the file without the domain named <paramref name="name"/> (the VM was deleted).</summary>
    public void RemoveDomain(string name) =>
        Rewrite(doc => doc.Root!.Elements("domain").Single(d => (string?)d.Element("name") == name).Remove());

    /// <summary>Rewrites the file with the domain <paramref name="name"/> of <paramref name="otherFile"/> added (a VM was started).</summary>
    public void AddDomain(string otherFile, string name) =>
        Rewrite(doc => doc.Root!.Elements("domain").Last().AddAfterSelf(
            System.Xml.Linq.XDocument.Load(otherFile).Root!.Elements("domain").Single(d => (string?)d.Element("name") == name)));

    private void Rewrite(Action<System.Xml.Linq.XDocument> change)
    {
        var doc = System.Xml.Linq.XDocument.Load(Path);
        change(doc);
        var stamp = File.GetLastWriteTimeUtc(Path);
        // Written aside and renamed over, so the poller never opens a half-written file; stamped later
        // than the old one so a rewrite within the same clock tick still looks changed.
        var next = Path + ".next";
        doc.Save(next);
        File.SetLastWriteTimeUtc(next, stamp.AddSeconds(1));
        File.Move(next, Path, overwrite: true);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public override string ToString() => _original;
}
