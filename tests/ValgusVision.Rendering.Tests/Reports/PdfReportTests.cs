using SkiaSharp;
using ValgusVision.Rendering.Reports;
using ValgusVision.Rendering.Tests.Fixtures;

namespace ValgusVision.Rendering.Tests.Reports;

public class PdfReportTests
{
    [Fact]
    public void Pdf_report_converts_with_pdftoppm_to_a4_pages_with_content()
    {
        var (report, _, _) = SyntheticReport.Build();
        var folder = Directory.CreateTempSubdirectory("vv-pdf-");
        try
        {
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            PdfReportWriter.WriteFile(report, pdf);

            var (code, output) = Poppler.Run("pdftoppm", "-r", "50", "-png", pdf, Path.Combine(folder.FullName, "page"));
            Assert.True(code == 0, "pdftoppm failed: " + output);
            Assert.DoesNotContain("Error", output, StringComparison.OrdinalIgnoreCase);
            var pages = Directory.GetFiles(folder.FullName, "page-*.png").Order().ToArray();
            Assert.True(pages.Length >= 2, $"expected several pages, got {pages.Length}");

            foreach (var page in pages)
            {
                using var bitmap = SKBitmap.Decode(page);

                // A4 at 50 dpi is 413 × 585 px.
                Assert.InRange(bitmap.Width, 410, 416);
                Assert.InRange(bitmap.Height, 582, 588);
                if (DebugImages.Enabled)
                {
                    Directory.CreateDirectory(DebugImages.Folder);
                    File.Copy(page, Path.Combine(DebugImages.Folder, "report-pdf-" + Path.GetFileName(page)), overwrite: true);
                }
            }

            if (DebugImages.Enabled)
            {
                File.Copy(pdf, Path.Combine(DebugImages.Folder, "report.pdf"), overwrite: true);
            }

            using var first = SKBitmap.Decode(pages[0]);
            var inked = 0;
            for (var y = 0; y < first.Height; y++)
            {
                for (var x = 0; x < first.Width; x++)
                {
                    inked += first.GetPixel(x, y).Red < 200 ? 1 : 0;
                }
            }

            Assert.True(inked > first.Width * first.Height / 50, $"the first page is nearly blank ({inked} dark pixels)");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Pdf_report_text_is_real_text_with_the_summary_reps_and_caveats()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        using var pdf = new WrittenPdf(report);
        var text = pdf.Text();
        Assert.Contains("Knee valgus report", text);
        Assert.Contains("Left leg", text);
        Assert.Contains(RepWords.Verdict(report.Analysis.Reps[2], report.Analysis.Settings)[..20], text);
        Assert.Contains("approximate, but are not", text);
        Assert.Contains("3 frames could not be decoded", text);
    }
}
