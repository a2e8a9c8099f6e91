using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Analysis;

namespace FaceGuard.Analysis.Frames;

/// <summary>
/// Collects one typed column while a file is read, then hands its buffers to the DataFrame without copying value by
/// value: a million-row log becomes a DataFrame in a few milliseconds per column instead of ~150.
/// </summary>
internal abstract class ColumnBuilder(string name)
{
    protected const int InitialCapacity = 1024;

    public string Name { get; } = name;

    public int Count { get; protected set; }

    public abstract void AddNull();

    public abstract DataFrameColumn Build();
}

/// <summary>Values of T (blittable) with a validity bitmap, as Microsoft.Data.Analysis stores them.</summary>
internal abstract class PrimitiveBuilder<T>(string name) : ColumnBuilder(name) where T : unmanaged
{
    private byte[] _values = new byte[InitialCapacity * Unsafe.SizeOf<T>()];
    private byte[] _validity = new byte[InitialCapacity / 8];
    private int _capacity = InitialCapacity;
    private int _nullCount;

    public void Add(T value)
    {
        if (Count == _capacity) Grow();
        Unsafe.Add(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(_values)), Count) = value;
        _validity[Count >> 3] |= (byte)(1 << (Count & 7));
        Count++;
    }

    public override void AddNull()
    {
        if (Count == _capacity) Grow();
        _nullCount++;
        Count++;
    }

    /// <summary>The value at a row, or null.</summary>
    public T? Get(int row) => (_validity[row >> 3] & (1 << (row & 7))) != 0 ? MemoryMarshal.Cast<byte, T>(_values.AsSpan())[row] : null;

    protected ReadOnlyMemory<byte> Values => _values.AsMemory(0, Count * Unsafe.SizeOf<T>());
    protected ReadOnlyMemory<byte> Validity => _validity.AsMemory(0, (Count + 7) / 8);
    protected int NullCount => _nullCount;

    private void Grow()
    {
        _capacity *= 2;
        Array.Resize(ref _values, _capacity * Unsafe.SizeOf<T>());
        Array.Resize(ref _validity, _capacity / 8);
    }
}

internal sealed class DoubleBuilder(string name) : PrimitiveBuilder<double>(name)
{
    /// <summary>A number in invariant notation; empty is null. False when it is not a number.</summary>
    public bool TryAdd(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty)
        {
            AddNull();
            return true;
        }
        if (!Utf8Parser.TryParse(field, out double value, out int consumed) || consumed != field.Length) return false;
        Add(value);
        return true;
    }

    public override DataFrameColumn Build() => new DoubleDataFrameColumn(Name, Values, Validity, Count, NullCount);
}

internal sealed class Int32Builder(string name) : PrimitiveBuilder<int>(name)
{
    public bool TryAdd(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty)
        {
            AddNull();
            return true;
        }
        if (!Utf8Parser.TryParse(field, out int value, out int consumed) || consumed != field.Length)
        {
            // "200.0" from a spreadsheet round trip is still 200.
            if (!Utf8Parser.TryParse(field, out double number, out consumed) || consumed != field.Length || number != Math.Floor(number)) return false;
            value = (int)number;
        }
        Add(value);
        return true;
    }

    public override DataFrameColumn Build() => new Int32DataFrameColumn(Name, Values, Validity, Count, NullCount);
}

internal sealed class Int64Builder(string name) : PrimitiveBuilder<long>(name)
{
    public bool TryAdd(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty)
        {
            AddNull();
            return true;
        }
        if (!Utf8Parser.TryParse(field, out long value, out int consumed) || consumed != field.Length) return false;
        Add(value);
        return true;
    }

    public override DataFrameColumn Build() => new Int64DataFrameColumn(Name, Values, Validity, Count, NullCount);
}

internal sealed class BooleanBuilder(string name) : PrimitiveBuilder<bool>(name)
{
    public override DataFrameColumn Build() => new BooleanDataFrameColumn(Name, Values, Validity, Count, NullCount);
}

internal sealed class DateTimeBuilder(string name) : PrimitiveBuilder<DateTime>(name)
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "O"];

    /// <summary>yyyy-MM-dd HH:mm:ss (digits read directly: no culture lookups), with fractions or ISO 8601 as a fallback.</summary>
    public bool TryAdd(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty)
        {
            AddNull();
            return true;
        }
        if (field.Length == 19 && TryFixed(field, out var fast))
        {
            Add(fast);
            return true;
        }
        if (!DateTime.TryParseExact(Encoding.UTF8.GetString(field), Formats, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var parsed)) return false;
        Add(parsed);
        return true;
    }

    public override DataFrameColumn Build() => new DateTimeDataFrameColumn(Name, Values, Validity, Count, NullCount);

    private static bool TryFixed(ReadOnlySpan<byte> f, out DateTime value)
    {
        value = default;
        if (f[4] != '-' || f[7] != '-' || (f[10] != ' ' && f[10] != 'T') || f[13] != ':' || f[16] != ':') return false;
        int year = Digits(f[..4]), month = Digits(f.Slice(5, 2)), day = Digits(f.Slice(8, 2));
        int hour = Digits(f.Slice(11, 2)), minute = Digits(f.Slice(14, 2)), second = Digits(f.Slice(17, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        value = new DateTime(year, month, day, hour, minute, second);
        return true;
    }

    /// <summary>The number the ASCII digits spell, or -1.</summary>
    private static int Digits(ReadOnlySpan<byte> digits)
    {
        int value = 0;
        foreach (byte b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9') return -1;
            value = value * 10 + (b - '0');
        }
        return value;
    }
}

/// <summary>Text values; the few distinct ones of a log (photo names, phases, errors) are shared, not copied per row.</summary>
internal sealed class TextBuilder : ColumnBuilder
{
    private const int MaxShared = 10_000;

    private const int RecentCount = 8;

    private readonly List<string?> _values = new(InitialCapacity);
    private readonly Dictionary<string, string> _distinct = [];
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // The last few distinct values as raw bytes: a log repeats a handful of values row after row, and comparing bytes
    // is cheaper than decoding and hashing them.
    private readonly (byte[] Raw, string Text)[] _recent = new (byte[], string)[RecentCount];
    private int _nextRecent;

    public TextBuilder(string name) : base(name) => _lookup = _distinct.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Add(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty)
        {
            AddNull();
            return;
        }
        foreach (var (raw, known) in _recent)
        {
            if (raw is not null && field.SequenceEqual(raw))
            {
                _values.Add(known);
                Count++;
                return;
            }
        }
        Span<char> chars = field.Length <= 256 ? stackalloc char[field.Length] : new char[field.Length];
        var text = chars[..Encoding.UTF8.GetChars(field, chars)];
        if (!_lookup.TryGetValue(text, out string? shared))
        {
            shared = new string(text);
            if (_distinct.Count < MaxShared) _distinct[shared] = shared;
        }
        _recent[_nextRecent] = (field.ToArray(), shared);
        _nextRecent = (_nextRecent + 1) % RecentCount;
        _values.Add(shared);
        Count++;
    }

    public void Add(string? value)
    {
        _values.Add(value);
        Count++;
    }

    public override void AddNull() => Add((string?)null);

    public string? Get(int row) => _values[row];

    public override DataFrameColumn Build() => new StringDataFrameColumn(Name, _values);
}
