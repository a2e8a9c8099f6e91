using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FaceGuard.Service.Tests;

/// <summary>The upload page at GET /, in a real headless Chromium, against the real service on loopback.</summary>
public sealed class UploadPageTests(UploadPageSession session) : IClassFixture<UploadPageSession>
{
    // True once the result image has been decoded by the browser, i.e. the service's answer was a real picture.
    private const string ResultIsShown = "() => { const img = document.querySelector('#result'); return img.complete && img.naturalWidth > 0; }";

    [Fact]
    public async Task Uploading_a_photo_shows_the_masked_result_the_face_count_and_a_download_link()
    {
        var page = await session.OpenUploadPageAsync();

        await page.Locator("#file").SetInputFilesAsync(TestData.Photo("sample1.jpg"));
        await page.WaitForFunctionAsync(ResultIsShown);

        await Expect(page.Locator("#original")).ToBeVisibleAsync();
        Assert.True(int.Parse(await page.Locator("#faces").InnerTextAsync(), CultureInfo.InvariantCulture) >= 3);
        await Expect(page.Locator("#timings")).ToContainTextAsync("detect");
        Assert.StartsWith("blob:", await page.Locator("#download").GetAttributeAsync("href"));
        await Expect(page.Locator("#error")).ToBeHiddenAsync();

        string screenshots = Path.Combine(Path.GetDirectoryName(TestData.Root)!, "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "upload-page.png"), FullPage = true });
    }

    [Fact]
    public async Task Uploading_a_text_file_shows_the_services_explanation()
    {
        var page = await session.OpenUploadPageAsync();

        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "notes.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("These are notes, not a photo."),
        });

        await Expect(page.Locator("#error")).ToContainTextAsync("Unsupported image format");
        await Expect(page.Locator("#error")).ToBeVisibleAsync();
        Assert.Null(await page.Locator("#result").GetAttributeAsync("src"));
    }

    [Fact]
    public async Task A_photo_over_the_services_limit_is_refused_on_the_page_without_sending_it()
    {
        var requestedUrls = new ConcurrentQueue<string>();
        var page = await session.OpenUploadPageAsync(requestedUrls);

        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "huge.jpg",
            MimeType = "image/jpeg",
            Buffer = new byte[ServiceOptions.DefaultMaxRequestBytes + 1],
        });

        await Expect(page.Locator("#error")).ToContainTextAsync("huge.jpg is 20.0 MB; the service takes photos up to 20.0 MB.");
        Assert.DoesNotContain(requestedUrls, url => url.Contains("/process", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_talks_only_to_the_service_even_when_an_option_change_processes_the_photo_again()
    {
        var requestedUrls = new ConcurrentQueue<string>();
        var page = await session.OpenUploadPageAsync(requestedUrls);

        await page.Locator("#file").SetInputFilesAsync(TestData.Photo("sample1.jpg"));
        await page.WaitForFunctionAsync(ResultIsShown);
        string? firstResult = await page.Locator("#result").GetAttributeAsync("src");

        await page.GetByLabel("Show boxes").CheckAsync();
        await page.WaitForFunctionAsync(
            $"first => document.querySelector('#result').getAttribute('src') !== first && ({ResultIsShown})()", firstResult);

        string service = session.Service.Address.ToString();
        Assert.All(requestedUrls, url => Assert.True(
            url.StartsWith(service, StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
            $"The page requested {url}, which is not the service at {service}."));
        Assert.Equal(2, requestedUrls.Count(url => url.StartsWith(service + "process?", StringComparison.Ordinal)));
        Assert.Contains(requestedUrls, url => url.Contains("box=true", StringComparison.Ordinal));
    }
}

/// <summary>
/// One ready service and one headless Chromium shared by the page tests. The browser is Debian's /usr/bin/chromium
/// (scripts/install-system-deps.sh test), driven by the Playwright driver that ships inside its NuGet package:
/// nothing is downloaded, so the tests run offline.
/// </summary>
public sealed class UploadPageSession : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private const float TimeoutMs = 60_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public RunningService Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing; install it with scripts/install-system-deps.sh test.");

        // The model warm-up and the browser start take seconds each; overlap them.
        var starting = RunningService.StartReadyAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            Timeout = TimeoutMs,
        });
        SetDefaultExpectTimeout(TimeoutMs);
        Service = await starting;
    }

    /// <summary>A fresh tab on GET /; every URL it requests from then on is added to <paramref name="requestedUrls"/>.</summary>
    public async Task<IPage> OpenUploadPageAsync(ConcurrentQueue<string>? requestedUrls = null)
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(TimeoutMs);
        var page = await context.NewPageAsync();
        if (requestedUrls is not null) page.Request += (_, request) => requestedUrls.Enqueue(request.Url);
        await page.GotoAsync(Service.Address.ToString());
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (Service is not null) await Service.DisposeAsync();
    }
}
