namespace Nlp.Text;

/// <summary>
/// Text after normalisation, with the map back to the input it came from. Each character of
/// <see cref="Text"/> knows the input range [start, end) it was made from, so any span of the
/// normalised text maps to the exact input substring that produced it.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[]? _inputStart;
    private readonly int[]? _inputEnd;
    private readonly int _inputLength;

    internal NormalizedText(string text, int inputLength, int[]? inputStart, int[]? inputEnd)
    {
        Text = text;
        _inputLength = inputLength;
        _inputStart = inputStart;
        _inputEnd = inputEnd;
    }

    /// <summary>Text that normalisation left unchanged: offsets map to themselves.</summary>
    public static NormalizedText Identity(string text) => new(text, text.Length, null, null);

    public string Text { get; }

    /// <summary>True when normalised offsets equal input offsets.</summary>
    public bool IsIdentity => _inputStart is null;

    /// <summary>Maps the normalised span [start, end) to the input span it came from.</summary>
    public (int Start, int End) ToInput(int start, int end)
    {
        if (_inputStart is null || _inputEnd is null) return (start, end);
        if ((uint)start > (uint)Text.Length || end < start || end > Text.Length)
            throw new ArgumentOutOfRangeException(nameof(start), $"span [{start}, {end}) is outside the text of length {Text.Length}");
        if (start == end)
        {
            int at = start < Text.Length ? _inputStart[start] : _inputLength;
            return (at, at);
        }
        return (_inputStart[start], _inputEnd[end - 1]);
    }
}
