using Nlp.Documents;

namespace Nlp.Entities;

/// <summary>Receives the features of one token, each as characters in a reused buffer.</summary>
internal interface IFeatureSink
{
    void Add(ReadOnlySpan<char> feature);
}

/// <summary>
/// What the tagger knows about each token of one sentence, computed once: lower-cased text, shape,
/// position in a run of capitalised tokens, position in its segmented word, gazetteer and DATE/MONEY
/// rule tags. <see cref="Extract"/> then writes a token's features (identity, shape, affixes, the
/// tokens within two positions, bigrams, the descriptor before it, and the tags above) into a sink:
/// training collects them as strings, the tagger looks them up without allocating.
/// </summary>
internal sealed class NerFeatures
{
    private const int MaxFeatureLength = 120;
    private readonly Document _document;
    private readonly string _lower;
    private readonly int _first, _count;
    private readonly string[] _shapes;
    private readonly string[] _capitals;
    private readonly string[] _segments;
    private readonly (int Start, int End)[] _wordSpans;
    private readonly string?[] _gazetteer;
    private readonly string?[] _rules;

    public NerFeatures(Document document, string lower, Sentence sentence, Gazetteer gazetteer)
    {
        _document = document;
        _lower = lower;
        _first = sentence.FirstToken;
        _count = sentence.TokenCount;
        _shapes = new string[_count];
        _capitals = new string[_count];
        _segments = new string[_count];
        _wordSpans = new (int, int)[_count];
        _gazetteer = new string?[_count];
        _rules = new string?[_count];
        for (int k = 0; k < _count; k++) _shapes[k] = Shape(document.TextOf(document.Tokens[_first + k]));
        CapitalRuns();
        WordPositions();
        gazetteer.Tag(document, _first, _first + _count, _gazetteer);
        RuleTags();
    }

    public int Count => _count;

    private void CapitalRuns()
    {
        for (int k = 0; k < _count;)
        {
            if (!IsNameLike(k)) { _capitals[k] = "-"; k++; continue; }
            int end = k;
            while (end < _count && IsNameLike(end)) end++;
            int length = Math.Min(end - k, 4);
            for (int j = k; j < end; j++)
                _capitals[j] = end - k == 1 ? "S" : (j == k ? "B" : j == end - 1 ? "E" : "I") + length;
            k = end;
        }
    }

    private bool IsNameLike(int k)
    {
        var token = _document.Tokens[_first + k];
        if (token.Kind != TokenKind.Word) return false;
        foreach (char c in _document.TextOf(token)) if (char.IsUpper(c) || char.IsDigit(c)) return true;
        return false;
    }

    private void WordPositions()
    {
        for (int k = 0; k < _count; k++) { _segments[k] = "S"; _wordSpans[k] = (-1, -1); }
        var words = _document.Words;
        // Words are in token order: find the first one that reaches this sentence, then walk to its end.
        int lo = 0, hi = words.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (words[mid].EndToken <= _first) lo = mid + 1; else hi = mid;
        }
        for (int w = lo; w < words.Count && words[w].FirstToken < _first + _count; w++)
        {
            var word = words[w];
            if (word.TokenCount < 2) continue;
            var span = (_document.Tokens[word.FirstToken].Start, _document.Tokens[word.EndToken - 1].End);
            for (int t = word.FirstToken; t < word.EndToken; t++)
            {
                int k = t - _first;
                if (k < 0 || k >= _count) continue;
                _segments[k] = t == word.FirstToken ? "B" : t == word.EndToken - 1 ? "E" : "I";
                _wordSpans[k] = span;
            }
        }
    }

    private void RuleTags()
    {
        foreach (var e in _document.Entities)
        {
            if (e.Source != "rules" || e.EndToken <= _first || e.FirstToken >= _first + _count) continue;
            for (int t = Math.Max(e.FirstToken, _first); t < Math.Min(e.EndToken, _first + _count); t++)
                _rules[t - _first] = t == e.FirstToken ? BioTags.Begin(e.Type) : BioTags.Inside(e.Type);
        }
    }

    private ReadOnlySpan<char> Lower(int k)
    {
        if (k < 0) return "<s>";
        if (k >= _count) return "</s>";
        var token = _document.Tokens[_first + k];
        return _lower.AsSpan(token.Start, token.Length);
    }

    private string ShapeAt(int k) => k < 0 ? "<s>" : k >= _count ? "</s>" : _shapes[k];

    public void Extract<TSink>(int k, ref TSink sink) where TSink : IFeatureSink
    {
        Span<char> buffer = stackalloc char[MaxFeatureLength];
        var w0 = Lower(k);
        Emit(ref sink, buffer, "w=", w0);
        Emit(ref sink, buffer, "s=", _shapes[k]);
        if (w0.Length > 3)
        {
            Emit(ref sink, buffer, "p3=", w0[..3]);
            Emit(ref sink, buffer, "x3=", w0[^3..]);
        }
        Emit(ref sink, buffer, "w-1=", Lower(k - 1));
        Emit(ref sink, buffer, "w+1=", Lower(k + 1));
        Emit(ref sink, buffer, "w-2=", Lower(k - 2));
        Emit(ref sink, buffer, "w+2=", Lower(k + 2));
        Emit(ref sink, buffer, "s-1=", ShapeAt(k - 1));
        Emit(ref sink, buffer, "s+1=", ShapeAt(k + 1));
        Emit(ref sink, buffer, "b-=", Lower(k - 1), Lower(k));
        Emit(ref sink, buffer, "b+=", Lower(k), Lower(k + 1));
        Emit(ref sink, buffer, "d=", Lower(k - 1), _shapes[k]);
        Emit(ref sink, buffer, "pp=", Lower(k - 2), Lower(k - 1));
        Emit(ref sink, buffer, "ss=", ShapeAt(k - 1), _shapes[k], ShapeAt(k + 1));
        Emit(ref sink, buffer, "cap=", _capitals[k]);
        Emit(ref sink, buffer, "cap-1=", k > 0 ? _capitals[k - 1] : "<s>");
        Emit(ref sink, buffer, "cap+1=", k + 1 < _count ? _capitals[k + 1] : "</s>");
        Emit(ref sink, buffer, "seg=", _segments[k]);
        if (_wordSpans[k].Start >= 0) Emit(ref sink, buffer, "wd=", _lower.AsSpan(_wordSpans[k].Start, _wordSpans[k].End - _wordSpans[k].Start));
        Emit(ref sink, buffer, "gz=", _gazetteer[k] ?? "O");
        Emit(ref sink, buffer, "gz-1=", k > 0 ? _gazetteer[k - 1] ?? "O" : "<s>");
        Emit(ref sink, buffer, "gz+1=", k + 1 < _count ? _gazetteer[k + 1] ?? "O" : "</s>");
        Emit(ref sink, buffer, "dm=", _rules[k] ?? "O");
        if (k == 0) Emit(ref sink, buffer, "first=", _shapes[k]);
    }

    private static void Emit<TSink>(ref TSink sink, Span<char> buffer, string name, ReadOnlySpan<char> a, ReadOnlySpan<char> b = default, ReadOnlySpan<char> c = default)
        where TSink : IFeatureSink
    {
        int n = 0;
        Append(buffer, ref n, name);
        Append(buffer, ref n, a);
        if (!b.IsEmpty) { Append(buffer, ref n, "|"); Append(buffer, ref n, b); }
        if (!c.IsEmpty) { Append(buffer, ref n, "|"); Append(buffer, ref n, c); }
        sink.Add(buffer[..n]);
    }

    private static void Append(Span<char> buffer, ref int n, ReadOnlySpan<char> text)
    {
        int take = Math.Min(text.Length, buffer.Length - n);
        text[..take].CopyTo(buffer[n..]);
        n += take;
    }

    /// <summary>The token's shape: X upper, x lower, d digit, other characters as themselves; repeats collapsed; at most 6.</summary>
    internal static string Shape(ReadOnlySpan<char> text)
    {
        Span<char> shape = stackalloc char[6];
        int n = 0;
        foreach (char c in text)
        {
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (n > 0 && shape[n - 1] == s) continue;
            if (n == shape.Length) break;
            shape[n++] = s;
        }
        return ShapeCache.Get(shape[..n]);
    }

    /// <summary>Shapes repeat endlessly; keep one string for each.</summary>
    private static class ShapeCache
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Cache.GetAlternateLookup<ReadOnlySpan<char>>();

        public static string Get(ReadOnlySpan<char> shape)
        {
            if (Lookup.TryGetValue(shape, out var s)) return s;
            var created = shape.ToString();
            return Cache.GetOrAdd(created, created);
        }
    }
}
