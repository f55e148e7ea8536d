using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Tests.Market;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tests.Strategies;

public sealed class WeightFlattenerTests
{
    private static readonly Symbol A = Symbol.Parse("XNYS:A"), B = Symbol.Parse("XNYS:B"), C = Symbol.Parse("BINANCE:C");

    [Fact]
    public void Flatten_LongAndShortOnSameSymbol_NetOut()
    {
        StrategyAtom[] atoms =
        [
            new(B, "momentum", Direction.Long),
            new(A, "momentum", Direction.Long),
            new(A, "reversal", Direction.Short),
            new(C, "momentum", Direction.Short),
            new(B, "reversal", Direction.Short),
        ];
        IReadOnlyList<PhysicalWeight> flat = WeightFlattener.Flatten(atoms, [0.2, 0.3, 0.1, 0.25, 0.2]);

        // Ordered by symbol (ordinal): BINANCE:C, XNYS:A, XNYS:B. Hand calculation of the nets.
        Assert.Equal(new PhysicalWeight(C, -0.25, 0, 0.25), flat[0]);
        Assert.Equal(A, flat[1].Symbol);
        Approx.Abs(0.2, flat[1].Weight, 1e-15, "A net");
        Assert.Equal(new PhysicalWeight(B, 0.0, 0.2, 0.2), flat[2]);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Flatten_NegativeOrNaNWeight_ThrowsInvalidWeights(double w)
    {
        var ex = Assert.Throws<DomainValidationException>(() => WeightFlattener.Flatten([new StrategyAtom(A, "momentum", Direction.Long)], [w]));
        Assert.Equal(ErrorCodes.InvalidWeights, ex.Code);
        Assert.Contains("momentum/XNYS:A/LONG", ex.Message, StringComparison.Ordinal);
    }
}
