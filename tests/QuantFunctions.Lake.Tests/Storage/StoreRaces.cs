using System.Globalization;
using System.Text;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Storage;

/// <summary>Concurrency drills shared by the contract tests and the file-system tests (one store or many instances).</summary>
public static class StoreRaces
{
    /// <summary>Each store races one create-only write of "writer {i}"; returns the index of every winner.</summary>
    public static async Task<List<int>> CreateOnlyWinnersAsync(IReadOnlyList<ILakeStore> stores, LakePath path)
    {
        var attempts = new Task<LakeObjectInfo>[stores.Count];
        for (int i = 0; i < stores.Count; i++)
        {
            ILakeStore store = stores[i];
            byte[] content = Encoding.UTF8.GetBytes("writer " + i.ToString(CultureInfo.InvariantCulture));
            attempts[i] = Task.Run(() => store.WriteAsync(path, content, LakeWriteMode.CreateOnly));
        }

        var winners = new List<int>();
        for (int i = 0; i < attempts.Length; i++)
        {
            try
            {
                await attempts[i];
                winners.Add(i);
            }
            catch (LakeConflictException)
            {
                // Expected for every writer but one.
            }
        }

        return winners;
    }

    /// <summary>
    /// Each store increments the decimal counter at <paramref name="path"/> <paramref name="increments"/> times
    /// with read / If-Match / retry, concurrently; returns the final value (exact when no update is lost).
    /// </summary>
    public static async Task<int> IncrementConcurrentlyAsync(IReadOnlyList<ILakeStore> stores, LakePath path, int increments)
    {
        await stores[0].WriteAsync(path, Encoding.UTF8.GetBytes("0"), LakeWriteMode.CreateOnly);
        var workers = new Task[stores.Count];
        for (int w = 0; w < stores.Count; w++)
        {
            ILakeStore store = stores[w];
            workers[w] = Task.Run(async () =>
            {
                for (int i = 0; i < increments; i++)
                {
                    while (!await TryIncrementAsync(store, path))
                    {
                        await Task.Yield();
                    }
                }
            });
        }

        await Task.WhenAll(workers);
        return int.Parse(Encoding.UTF8.GetString((await stores[0].TryReadAsync(path))!.Content.Span), CultureInfo.InvariantCulture);
    }

    private static async Task<bool> TryIncrementAsync(ILakeStore store, LakePath path)
    {
        LakeObject current = (await store.TryReadAsync(path))!;
        int value = int.Parse(Encoding.UTF8.GetString(current.Content.Span), CultureInfo.InvariantCulture);
        try
        {
            await store.WriteIfMatchAsync(path, Encoding.UTF8.GetBytes((value + 1).ToString(CultureInfo.InvariantCulture)), current.Info.ETag);
            return true;
        }
        catch (LakeConflictException)
        {
            return false;
        }
    }
}
