using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QuantFunctions.Core.LinearAlgebra;

/// <summary>
/// The 4×4 dot-product tile of <see cref="MatrixProducts"/> on 512-bit vectors (AVX-512): sixteen
/// accumulators and eight loads per step fit the 32 vector registers, and unchecked loads keep
/// bounds checks out of the inner loop.
/// </summary>
internal static class GramKernel512
{
    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    /// <summary>Adds the 4×4 block Σₜ x[:, i+a]·y[:, j+b] over rows [rb, rb + len) into dest; len is a multiple of 8.</summary>
    public static void Accumulate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int rows, int i, int j, int rb, int len, Span<double> dest, int ld)
    {
        ref double xb = ref MemoryMarshal.GetReference(x);
        ref double yb = ref MemoryMarshal.GetReference(y);
        nuint r = (nuint)rows;
        nuint x0 = (nuint)((i * rows) + rb), x1 = x0 + r, x2 = x1 + r, x3 = x2 + r;
        nuint y0 = (nuint)((j * rows) + rb), y1 = y0 + r, y2 = y1 + r, y3 = y2 + r;
        Vector512<double> a00 = default, a10 = default, a20 = default, a30 = default;
        Vector512<double> a01 = default, a11 = default, a21 = default, a31 = default;
        Vector512<double> a02 = default, a12 = default, a22 = default, a32 = default;
        Vector512<double> a03 = default, a13 = default, a23 = default, a33 = default;
        for (nuint t = 0; t < (nuint)len; t += 8)
        {
            Vector512<double> u0 = Vector512.LoadUnsafe(ref xb, x0 + t);
            Vector512<double> u1 = Vector512.LoadUnsafe(ref xb, x1 + t);
            Vector512<double> u2 = Vector512.LoadUnsafe(ref xb, x2 + t);
            Vector512<double> u3 = Vector512.LoadUnsafe(ref xb, x3 + t);
            Vector512<double> v = Vector512.LoadUnsafe(ref yb, y0 + t);
            a00 = Vector512.FusedMultiplyAdd(u0, v, a00);
            a10 = Vector512.FusedMultiplyAdd(u1, v, a10);
            a20 = Vector512.FusedMultiplyAdd(u2, v, a20);
            a30 = Vector512.FusedMultiplyAdd(u3, v, a30);
            v = Vector512.LoadUnsafe(ref yb, y1 + t);
            a01 = Vector512.FusedMultiplyAdd(u0, v, a01);
            a11 = Vector512.FusedMultiplyAdd(u1, v, a11);
            a21 = Vector512.FusedMultiplyAdd(u2, v, a21);
            a31 = Vector512.FusedMultiplyAdd(u3, v, a31);
            v = Vector512.LoadUnsafe(ref yb, y2 + t);
            a02 = Vector512.FusedMultiplyAdd(u0, v, a02);
            a12 = Vector512.FusedMultiplyAdd(u1, v, a12);
            a22 = Vector512.FusedMultiplyAdd(u2, v, a22);
            a32 = Vector512.FusedMultiplyAdd(u3, v, a32);
            v = Vector512.LoadUnsafe(ref yb, y3 + t);
            a03 = Vector512.FusedMultiplyAdd(u0, v, a03);
            a13 = Vector512.FusedMultiplyAdd(u1, v, a13);
            a23 = Vector512.FusedMultiplyAdd(u2, v, a23);
            a33 = Vector512.FusedMultiplyAdd(u3, v, a33);
        }

        Add(dest, (j * ld) + i, a00, a10, a20, a30);
        Add(dest, ((j + 1) * ld) + i, a01, a11, a21, a31);
        Add(dest, ((j + 2) * ld) + i, a02, a12, a22, a32);
        Add(dest, ((j + 3) * ld) + i, a03, a13, a23, a33);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<double> dest, int at, Vector512<double> a, Vector512<double> b, Vector512<double> c, Vector512<double> d)
    {
        dest[at] += Vector512.Sum(a);
        dest[at + 1] += Vector512.Sum(b);
        dest[at + 2] += Vector512.Sum(c);
        dest[at + 3] += Vector512.Sum(d);
    }
}
