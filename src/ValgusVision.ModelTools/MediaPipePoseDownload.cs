using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace ValgusVision.ModelTools;

/// <summary>
/// Obtains MediaPipe's BlazePose TFLite files (Apache-2.0) from the npm package
/// <c>@mediapipe/pose@0.5.1675469404</c> with <c>npm pack</c>, checks the tarball against its pinned
/// integrity hash, and unpacks it into the cache folder — the same folder and layout that
/// tools/fetch-mediapipe-package.sh uses, so either one fills the cache for the other.
/// </summary>
public sealed class MediaPipePoseDownload
{
    public const string PackageName = "@mediapipe/pose";

    public const string PackageVersion = "0.5.1675469404";

    /// <summary>npm's integrity string for the tarball (sha512, base64), pinned so a changed package is refused.</summary>
    public const string PinnedIntegrity = "sha512-DFZsNWTsSphRIZppnUCuunzBiHP2FdJXR9ehc7mMi4KG+oPaOH0Em3d6kr7Py+TSyTXC1doH88KcF28k2sBxsQ==";

    /// <summary>In this package the detector is shipped under this name; it is the whole pose_detection.tflite.</summary>
    public const string PackedDetectorFile = "pose_solution_packed_assets.data";

    public MediaPipePoseDownload(string? cacheFolder = null)
    {
        CacheFolder = cacheFolder ?? DefaultCacheFolder();
    }

    /// <summary>Where tarballs and unpacked packages are kept.</summary>
    public string CacheFolder { get; }

    /// <summary>The unpacked package folder (holding pose_detection.tflite and the landmark models).</summary>
    public string PackageFolder => Path.Combine(CacheFolder, $"mediapipe-pose-{PackageVersion}");

    private string Tarball => Path.Combine(CacheFolder, $"mediapipe-pose-{PackageVersion}.tgz");

    /// <summary><c>VALGUS_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/valgusvision</c>, else <c>~/.cache/valgusvision</c>.</summary>
    public static string DefaultCacheFolder()
    {
        string? explicitFolder = Environment.GetEnvironmentVariable("VALGUS_CACHE_DIR");
        if (!string.IsNullOrEmpty(explicitFolder))
        {
            return explicitFolder;
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = !string.IsNullOrEmpty(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "valgusvision");
    }

    /// <summary>
    /// Makes sure the package is unpacked in <see cref="PackageFolder"/> and returns that folder. Reuses the
    /// cache when it is complete; otherwise packs (or reuses the cached tarball), checks and unpacks.
    /// </summary>
    /// <param name="log">Receives one line per step (may be null).</param>
    /// <exception cref="InvalidDataException">The tarball's integrity hash differs from <see cref="PinnedIntegrity"/> (the tarball is deleted).</exception>
    /// <exception cref="IOException">npm is missing or failed.</exception>
    public string Ensure(Action<string>? log = null)
    {
        if (File.Exists(Path.Combine(PackageFolder, "pose_detection.tflite")) && File.Exists(Path.Combine(PackageFolder, "pose_landmark_full.tflite")))
        {
            log?.Invoke($"using cached package {PackageFolder}");
            return PackageFolder;
        }

        Directory.CreateDirectory(CacheFolder);
        if (!File.Exists(Tarball))
        {
            log?.Invoke($"npm pack {PackageName}@{PackageVersion}");
            Pack();
        }

        string actual = Integrity(Tarball);
        if (actual != PinnedIntegrity)
        {
            File.Delete(Tarball);
            throw new InvalidDataException($"{Tarball}: integrity {actual} differs from the pinned {PinnedIntegrity}; the tarball was deleted");
        }

        log?.Invoke($"integrity ok, unpacking into {PackageFolder}");
        Unpack();
        return PackageFolder;
    }

    /// <summary>npm's integrity string of a file: "sha512-" and the base64 of its SHA-512.</summary>
    public static string Integrity(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return "sha512-" + Convert.ToBase64String(SHA512.HashData(stream));
    }

    private void Pack()
    {
        string temp = Directory.CreateTempSubdirectory(Path.Combine(CacheFolder, "pack.")).FullName;
        try
        {
            var start = new ProcessStartInfo("npm", ["pack", $"{PackageName}@{PackageVersion}", "--silent"])
            {
                WorkingDirectory = temp,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new IOException("npm could not be started");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new IOException($"npm could not be started ({e.Message}); install Node.js and npm, then retry", e);
            }

            using (process)
            {
                Task<string> error = process.StandardError.ReadToEndAsync();
                process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    string firstLine = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "no message";
                    throw new IOException($"npm pack {PackageName}@{PackageVersion} failed (exit {process.ExitCode}): {firstLine.Trim()}");
                }
            }

            string packed = Path.Combine(temp, $"mediapipe-pose-{PackageVersion}.tgz");
            if (!File.Exists(packed))
            {
                throw new IOException($"npm pack did not produce {Path.GetFileName(packed)}");
            }

            File.Move(packed, Tarball, overwrite: true);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private void Unpack()
    {
        string temp = Directory.CreateTempSubdirectory(Path.Combine(CacheFolder, "unpack.")).FullName;
        try
        {
            using (FileStream file = File.OpenRead(Tarball))
            using (var gzip = new GZipStream(file, CompressionMode.Decompress))
            {
                TarFile.ExtractToDirectory(gzip, temp, overwriteFiles: true);
            }

            string package = Path.Combine(temp, "package");
            File.Copy(Path.Combine(package, PackedDetectorFile), Path.Combine(package, "pose_detection.tflite"), overwrite: true);
            if (Directory.Exists(PackageFolder))
            {
                Directory.Delete(PackageFolder, recursive: true);
            }

            Directory.Move(package, PackageFolder);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }
}
