using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Paths;

/// <summary>Parse ∘ Resolve is the identity on every kind of location.</summary>
public sealed class LakePathResolverPropertyTests
{
    private static readonly Gen<LakeIdentifier> Ids =
        Gen.Elements("abcxyz0189_".ToCharArray()).NonEmptyListOf()
            .Select(c => new string([.. c]))
            .Where(s => s[0] != '_' && s.Length <= LakeIdentifier.MaxLength && s is not ("pipelines" or "schemas"))
            .Select(s => LakeIdentifier.Parse(s));

    private static readonly Gen<SemVer> Versions =
        from major in Gen.Choose(0, 20)
        from minor in Gen.Choose(0, 20)
        from patch in Gen.Choose(0, 200)
        from rc in Gen.Elements<string?>(null, "rc.1", "alpha", "beta.11")
        select SemVer.Parse(rc is null ? $"{major}.{minor}.{patch}" : $"{major}.{minor}.{patch}-{rc}");

    private static readonly Gen<RunId> Runs = Ids.Select(i => RunId.Parse("r-" + i.Value));

    private static readonly Gen<LakeLocation> Locations = Gen.OneOf(
        from m in Ids from s in Ids from d in Gen.Choose(0, 20000) from b in Ids from f in Gen.Elements(RawFormat.Json, RawFormat.Csv)
        select new LakeLocation { Kind = LakeObjectKind.RawBatch, Scope = m, Source = s, IngestDate = new DateOnly(2000, 1, 1).AddDays(d), Batch = b, Format = f },
        from m in Ids from p in Ids from d in Ids from i in Gen.Elements(BarInterval.Daily, BarInterval.FourHours, BarInterval.Hourly)
        from y in Gen.Choose(1900, 9999) from mo in Gen.Choose(1, 12) from b in Ids from sv in Gen.Choose(1, 12)
        select new LakeLocation
        {
            Kind = LakeObjectKind.BronzePart, Scope = m, Product = p, Dataset = d, SchemaVersion = SchemaVersion.Create(sv),
            Interval = i, Year = y, Month = i.IsIntraday ? mo : null, Batch = b,
        },
        from u in Ids from p in Ids from v in Versions from d in Ids from y in Gen.Choose(1900, 9999) from n in Gen.Choose(0, 99999)
        select new LakeLocation { Kind = LakeObjectKind.SilverPart, Scope = u, PipelineId = p, Version = v, Dataset = d, Year = y, PartIndex = n },
        from s in Ids from p in Ids from v in Versions from d in Ids from r in Runs from n in Gen.Choose(0, 99999)
        select new LakeLocation { Kind = LakeObjectKind.GoldPart, Scope = s, PipelineId = p, Version = v, Dataset = d, RunId = r, PartIndex = n },
        from s in Ids from m in Ids from v in Versions from rel in Gen.Elements("weights.parquet", "fit/params.json", "a/b/c-1.bin")
        select new LakeLocation { Kind = LakeObjectKind.ModelArtifact, Scope = s, ModelId = m, Version = v, Relative = rel },
        from s in Ids from p in Ids from v in Versions
        select new LakeLocation { Kind = LakeObjectKind.PipelineManifest, Scope = s, PipelineId = p, Version = v },
        from s in Ids from r in Runs from k in Gen.Elements(LakeObjectKind.RunRecord, LakeObjectKind.AuditLedger, LakeObjectKind.ForensicTrace)
        select new LakeLocation { Kind = k, Scope = s, RunId = r },
        from s in Ids from r in Runs from n in Ids from inst in Gen.Elements<string?>(null, "crypto_long", "a.b-1")
        select new LakeLocation { Kind = LakeObjectKind.StageRecord, Scope = s, RunId = r, Node = NodeKey.Create("stage." + n.Value, inst) },
        from s in Ids from m in Ids
        select new LakeLocation { Kind = LakeObjectKind.ModelRegistry, Scope = s, ModelId = m },
        from d in Ids from sv in Gen.Choose(1, 40)
        select new LakeLocation { Kind = LakeObjectKind.Schema, Dataset = d, SchemaVersion = SchemaVersion.Create(sv) });

    [Fact]
    public void Parse_ResolvedLocation_GivesBackTheLocation()
    {
        Prop.ForAll(Locations.ToArbitrary(), location =>
        {
            LakePath path = LakePathResolver.Resolve(location);
            return LakePathResolver.Parse(path) == location && LakePathResolver.Parse(LakePath.Parse(path.Value)) == location;
        }).QuickCheckThrowOnFailure();
    }
}
