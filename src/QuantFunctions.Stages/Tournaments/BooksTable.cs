using QuantFunctions.Core.Tournaments;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tournaments;

/// <summary>
/// The books of a tournament selection as Parquet, one row per selected name: <c>window</c> (0-based), <c>decided</c>
/// (the window's last training date), <c>book</c> (<c>long</c> or <c>short</c>), <c>rank</c> (1 = best) and <c>symbol</c>;
/// a window that selected nothing has one row with book <c>none</c>, so every window is present.
/// </summary>
public static class BooksTable
{
    private const string LongBook = "long";
    private const string ShortBook = "short";
    private const string NoBook = "none";

    /// <summary>Builds the table.</summary>
    public static LakeTable From(IReadOnlyList<WindowBooks> books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var window = new List<int>();
        var decided = new List<int>();
        var book = new List<string>();
        var rank = new List<int>();
        var symbol = new List<string>();
        for (int k = 0; k < books.Count; k++)
        {
            int day = LongPanel.ToDays(books[k].Decided);
            void Add(string name, int r, string s)
            {
                window.Add(k);
                decided.Add(day);
                book.Add(name);
                rank.Add(r);
                symbol.Add(s);
            }

            for (int i = 0; i < books[k].Long.Count; i++)
            {
                Add(LongBook, i + 1, books[k].Long[i]);
            }

            for (int i = 0; i < books[k].Short.Count; i++)
            {
                Add(ShortBook, i + 1, books[k].Short[i]);
            }

            if (books[k].Long.Count + books[k].Short.Count == 0)
            {
                Add(NoBook, 0, string.Empty);
            }
        }

        return new LakeTable("books",
        [
            ColumnBuffer.Create(ParquetColumn.Int32("window"), window.ToArray()),
            ColumnBuffer.Create(ParquetColumn.Date("decided"), decided.ToArray()),
            ColumnBuffer.Create(ParquetColumn.String("book"), book.ToArray()),
            ColumnBuffer.Create(ParquetColumn.Int32("rank"), rank.ToArray()),
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbol.ToArray()),
        ]);
    }

    /// <summary>The books of every window, in window order (rows are written in window, book, rank order).</summary>
    public static IReadOnlyList<WindowBooks> ToBooks(LakeTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int[] window = table.Int32s("window");
        int[] decided = table.DateDays("decided");
        string[] book = table.Strings("book");
        string[] symbol = table.Strings("symbol");
        var books = new List<WindowBooks>();
        int r = 0;
        while (r < window.Length)
        {
            int k = window[r];
            var longBook = new List<string>();
            var shortBook = new List<string>();
            for (; r < window.Length && window[r] == k; r++)
            {
                (book[r] == LongBook ? longBook : book[r] == ShortBook ? shortBook : null)?.Add(symbol[r]);
            }

            books.Add(new WindowBooks(LongPanel.ToDate(decided[r - 1]), longBook, shortBook));
        }

        return books;
    }
}
