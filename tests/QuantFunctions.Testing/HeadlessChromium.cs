using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QuantFunctions.Testing;

/// <summary>
/// Runs Debian's headless Chromium (installed by <c>scripts/install-test-tools.sh</c>) on a local HTML file:
/// dumps the DOM after load (with the console and error probe of <see cref="Probe"/>) and takes screenshots.
/// Found through <c>QF_CHROMIUM</c> (a path), else <c>chromium</c>, <c>chromium-browser</c> or <c>google-chrome</c> on PATH.
/// </summary>
public static class HeadlessChromium
{
    private static readonly Lazy<string?> Executable = new(Locate);

    /// <summary>The browser's path, or null when none is installed.</summary>
    public static string? Path => Executable.Value;

    /// <summary>Why browser tests are skipped when <see cref="Path"/> is null.</summary>
    public const string MissingReason = "headless Chromium is not installed: run scripts/install-test-tools.sh (apt-get install chromium) or set QF_CHROMIUM to a Chromium binary";

    /// <summary>
    /// A script for the top of <c>&lt;head&gt;</c> that records every uncaught error, failed resource load,
    /// unhandled promise rejection and <c>console.error</c> / <c>console.warn</c> call; after load it writes them as a JSON
    /// array into <c>&lt;pre id="qf-probe"&gt;</c>, and for every <c>svg[data-chart]</c> writes its data marks
    /// (<c>.d</c> elements), how many have a non-empty bounding box, and the extent of their union into
    /// <c>&lt;pre id="qf-charts"&gt;</c> (JSON), so a DOM dump shows what the browser drew.
    /// </summary>
    public const string Probe =
        "<script>(function(){var log=[];window.addEventListener('error',function(e){var t=e.target;log.push('error: '+(e.message||(t&&(t.src||t.href||t.tagName))));},true);"
        + "window.addEventListener('unhandledrejection',function(e){log.push('rejection: '+e.reason);});"
        + "['error','warn'].forEach(function(k){var f=console[k];console[k]=function(){log.push('console.'+k+': '+Array.prototype.join.call(arguments,' '));f.apply(console,arguments);};});"
        + "window.addEventListener('load',function(){var charts=[];document.querySelectorAll('svg[data-chart]').forEach(function(svg){var marks=svg.querySelectorAll('.d'),drawn=0,x0=1e9,y0=1e9,x1=-1e9,y1=-1e9;"
        + "marks.forEach(function(m){var b=m.getBBox();if(b.width>0||b.height>0){drawn++;x0=Math.min(x0,b.x);y0=Math.min(y0,b.y);x1=Math.max(x1,b.x+b.width);y1=Math.max(y1,b.y+b.height);}});"
        + "charts.push({chart:svg.getAttribute('data-chart'),marks:marks.length,drawn:drawn,width:drawn?x1-x0:0,height:drawn?y1-y0:0});});"
        + "function pre(id,v){var p=document.createElement('pre');p.id=id;p.textContent=JSON.stringify(v);document.body.appendChild(p);}pre('qf-probe',log);pre('qf-charts',charts);});})();</script>";

    /// <summary>
    /// Loads <paramref name="html"/> (written to a temporary file with <see cref="Probe"/> at the top of its head) and
    /// returns what the probe recorded; with <paramref name="screenshot"/> also saves a PNG of the page (1600 px wide).
    /// </summary>
    /// <param name="html">The page.</param>
    /// <param name="screenshot">Where to save a screenshot, or null.</param>
    /// <param name="cancellationToken">Cancels the browser.</param>
    /// <returns>The errors, the log and the drawings.</returns>
    public static async Task<PageCheck> CheckAsync(string html, string? screenshot = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var dir = new TempDirectory();
        string page = dir.Combine("page.html");
        await File.WriteAllTextAsync(page, html.Replace("<head>", "<head>\n" + Probe, StringComparison.Ordinal), cancellationToken);
        (string dom, string log) = await DumpDomAsync(page, cancellationToken);
        var charts = new List<ChartDrawing>();
        using (JsonDocument doc = JsonDocument.Parse(Pre(dom, "qf-charts")))
        {
            foreach (JsonElement c in doc.RootElement.EnumerateArray())
            {
                charts.Add(new ChartDrawing(c.GetProperty("chart").GetString()!, c.GetProperty("marks").GetInt32(), c.GetProperty("drawn").GetInt32(), c.GetProperty("width").GetDouble(), c.GetProperty("height").GetDouble()));
            }
        }

        if (screenshot is not null)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(screenshot)!);
            File.Delete(screenshot);
            await ScreenshotAsync(page, screenshot, 1600, 3600, cancellationToken);
        }

        return new PageCheck(Pre(dom, "qf-probe"), log, charts);
    }

    /// <summary>Loads <paramref name="htmlFile"/> and returns the DOM after load and Chromium's stderr (console lines appear as <c>:CONSOLE</c>).</summary>
    /// <param name="htmlFile">An absolute path to a local HTML file.</param>
    /// <param name="cancellationToken">Cancels the wait (the browser is then killed).</param>
    /// <returns>The serialised DOM and the browser's log.</returns>
    public static Task<(string Dom, string Log)> DumpDomAsync(string htmlFile, CancellationToken cancellationToken = default) =>
        RunAsync(["--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom", new Uri(htmlFile).AbsoluteUri], cancellationToken);

    /// <summary>Takes a PNG screenshot of <paramref name="htmlFile"/> at the given window size.</summary>
    /// <param name="htmlFile">An absolute path to a local HTML file.</param>
    /// <param name="pngFile">Where to write the screenshot.</param>
    /// <param name="width">Window width in CSS pixels.</param>
    /// <param name="height">Window height in CSS pixels.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The browser's log.</returns>
    public static async Task<string> ScreenshotAsync(string htmlFile, string pngFile, int width, int height, CancellationToken cancellationToken = default) =>
        (await RunAsync([$"--screenshot={pngFile}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri], cancellationToken)).Log;

    private static async Task<(string Dom, string Log)> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        string browser = Executable.Value ?? throw new InvalidOperationException(MissingReason);
        using var profile = new TempDirectory();
        var start = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in (string[])["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions", $"--user-data-dir={profile.Path}"])
        {
            start.ArgumentList.Add(a);
        }

        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {browser}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        string log = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{browser} exited {process.ExitCode}: {log}");
        }

        return (await stdout, log);
    }

    private static string Pre(string dom, string id)
    {
        Match m = Regex.Match(dom, $"<pre id=\"{id}\">(.*?)</pre>", RegexOptions.Singleline);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"no <pre id=\"{id}\"> in the DOM dump (did the page load?): {dom[..Math.Min(dom.Length, 400)]}");
    }

    private static string? Locate()
    {
        string? configured = Environment.GetEnvironmentVariable("QF_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in (string[])["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"])
            {
                string candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
