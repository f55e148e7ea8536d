using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// The demo's gold layer is pinned byte for byte (<c>Golden/demo-gold.sha256</c>): a refactor that changes no
/// behaviour leaves every weight, backtest, report and order file exactly as it was.
/// </summary>
[Collection(DemoLakeCollection.Name)]
public sealed class DemoGoldPinTests(DemoLake demo)
{
    private const string PinFile = "tests/QuantFunctions.Cli.Tests/Golden/demo-gold.sha256";

    [Fact]
    public void Demo_GoldFiles_MatchThePinnedHashes()
    {
        demo.Demo.AssertExit(0);
        string pinPath = Path.Combine(RepositoryRoot.Find(), PinFile);
        SortedDictionary<string, string> actual = DemoLake.HashFiles(demo.Root, "gold");

        if (Environment.GetEnvironmentVariable("QF_REPIN_DEMO_GOLD") == "1")
        {
            string[] header = [.. File.ReadAllLines(pinPath).TakeWhile(line => line.StartsWith('#'))];
            File.WriteAllLines(pinPath, [.. header, .. actual.Select(pair => $"{pair.Value}  {pair.Key}")]);
        }

        var pinned = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(pinPath))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] parts = line.Split("  ", 2);
            pinned[parts[1]] = parts[0];
        }

        Assert.Equal(158, pinned.Count); // 83 before issues 14–16; + funnel, candidates, regime, backtest_weights per sleeve and meta, the tournament (18 cells, scoreboard, winner backtest and report), the meta report; + the tournament's books (2 standards) and returns panel with their folders' lock files; + backtest/regimes.json per sleeve (the backtest's regime caps); + the meta run's simulators/parity.json (validate.parity)
        Assert.Equal(pinned.Keys, actual.Keys);
        string[] changed = [.. pinned.Where(pair => actual[pair.Key] != pair.Value).Select(pair => pair.Key)];
        Assert.True(changed.Length == 0, "gold files differ from the pin: " + string.Join(", ", changed));
    }
}
