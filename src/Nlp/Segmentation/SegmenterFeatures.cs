using System.Buffers;
using Nlp.Documents;
using Nlp.Tokenization;

namespace Nlp.Segmentation;

/// <summary>
/// The features of a syllable boundary (between syllable i and i+1): the syllables around it
/// (lower case), their bigrams and trigrams across the boundary, and their shapes (capitalisation,
/// digits, punctuation). Each feature is a template number and up to four atoms; training sees it as
/// a string, the run-time scorer as a <see cref="FeatureKey"/> of atom ids, built by the same code.
/// </summary>
public static class SegmenterFeatures
{
    public const string SentenceStart = "<s>";
    public const string SentenceEnd = "</s>";
    public const string NumberAtom = "<num>";
    public const string FirstBoundary = "<first>";
    private const char TemplateSeparator = '\u001E';
    private const char AtomSeparator = '\u001F';

    /// <summary>
    /// Templates as offsets from the boundary: form positions (F) and shape positions (S), relative to
    /// syllable i (0) and i+1 (+1); word-list cover (W) and greedy-match (G) evidence, relative to
    /// boundary i. The B template fires only at the first boundary of a sentence; W and G templates only
    /// when the model has a word list.
    /// </summary>
    private static readonly (char Kind, int Offset)[][] Templates =
    [
        [('F', -1)], [('F', 0)], [('F', 1)], [('F', 2)],
        [('F', 0), ('F', 1)], [('F', -1), ('F', 0)], [('F', 1), ('F', 2)],
        [('F', -1), ('F', 0), ('F', 1)], [('F', 0), ('F', 1), ('F', 2)],
        [('S', 0), ('S', 1)], [('S', -1), ('S', 0), ('S', 1), ('S', 2)],
        [('F', -1), ('F', 1)], [('S', 0), ('F', 1)], [('F', 0), ('S', 1)],
        [('B', 0), ('S', 0), ('S', 1)],
        [('W', 0)], [('G', 0)], [('W', 0), ('G', 0)], [('W', -1), ('W', 0), ('W', 1)], [('W', 0), ('S', 0), ('S', 1)], [('W', 0), ('F', 0)], [('W', 0), ('F', 1)],
    ];

    private static readonly bool[] UsesWordList = [.. Templates.Select(template => template.Any(a => a.Kind is 'W' or 'G'))];

    public static int TemplateCount => Templates.Length;

    /// <summary>The form atom of a token: lower-cased word in one i/y spelling (<see cref="Text.IYSpelling"/>), a class for numbers, punctuation as is.</summary>
    public static string Form(ReadOnlySpan<char> text, TokenKind kind) => kind switch
    {
        TokenKind.Word => Text.IYSpelling.Unify(text.ToString().ToLowerInvariant()),
        TokenKind.Number => NumberAtom,
        TokenKind.Url => "<url>",
        TokenKind.Email => "<email>",
        TokenKind.Hashtag => "<hashtag>",
        _ => text.ToString(),
    };

    /// <summary>The shape atom: Aa (capitalised), A (all capitals), a (lower), 9 (number), a9 (letters and digits), p (other).</summary>
    public static string Shape(ReadOnlySpan<char> text, TokenKind kind)
    {
        if (kind == TokenKind.Number) return "#9";
        if (kind != TokenKind.Word) return "#p";
        bool upperFirst = char.IsUpper(text[0]), anyLower = false, anyUpperRest = false, anyDigit = false;
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            if (char.IsDigit(c)) anyDigit = true;
            else if (char.IsLower(c)) anyLower = true;
            else if (k > 0 && char.IsUpper(c)) anyUpperRest = true;
        }
        if (anyDigit) return "#a9";
        if (upperFirst) return anyLower ? (anyUpperRest ? "#aA" : "#Aa") : "#A";
        return anyUpperRest ? "#aA" : "#a";
    }

    /// <summary>The kind a treebank syllable would get from the tokenizer.</summary>
    public static TokenKind KindOf(string syllable)
    {
        var tokens = new List<Token>(2);
        TokenScanner.Tokenize(syllable, tokens);
        return tokens.Count == 1 ? tokens[0].Kind : TokenKind.Word;
    }

    /// <summary>Training: the atoms of a sentence of syllables, with word-list evidence from <paramref name="words"/> when given.</summary>
    public static SentenceAtoms Atoms(IReadOnlyList<string> syllables, IReadOnlyList<TokenKind> kinds, SegmenterWordList? words)
    {
        var forms = syllables.Select((s, k) => Form(s, kinds[k])).ToArray();
        var shapes = syllables.Select((s, k) => Shape(s, kinds[k])).ToArray();
        if (words is null) return new SentenceAtoms(forms, shapes, null, null);
        var cover = new byte[Math.Max(0, forms.Length - 1)];
        var greedy = new byte[cover.Length];
        WordListEvidence.Compute(forms.Length, new FormMatcher(words, forms), cover, greedy);
        return new SentenceAtoms(forms, shapes, [.. cover.Select(v => WordListEvidence.CoverAtom(v))], [.. greedy.Select(v => WordListEvidence.GreedyAtom(v))]);
    }

    private readonly struct FormMatcher(SegmenterWordList words, string[] forms) : IWordMatcher
    {
        public bool IsWord(int start, int length) => words.Contains(forms, start, length);
    }

    /// <summary>Feature strings of boundary i (between syllables i and i+1) for training.</summary>
    public static string[] BoundaryFeatures(SentenceAtoms sentence, int i)
    {
        var features = new List<string>(Templates.Length);
        var builder = new System.Text.StringBuilder(48);
        for (int t = 0; t < Templates.Length; t++)
        {
            var template = Templates[t];
            if (template[0].Kind == 'B' && i != 0) continue;
            if (sentence.Covers is null && UsesWordList[t]) continue;
            builder.Clear().Append(t).Append(TemplateSeparator);
            for (int a = 0; a < template.Length; a++)
            {
                if (a > 0) builder.Append(AtomSeparator);
                var (kind, offset) = template[a];
                builder.Append(sentence.Atom(kind, i + offset));
            }
            features.Add(builder.ToString());
        }
        return [.. features];
    }

    /// <summary>Splits a feature string back into its template and atoms (for building the run-time scorer).</summary>
    public static (int Template, string[] Atoms) Parse(string feature)
    {
        int separator = feature.IndexOf(TemplateSeparator);
        return (int.Parse(feature.AsSpan(0, separator), provider: System.Globalization.CultureInfo.InvariantCulture), feature[(separator + 1)..].Split(AtomSeparator));
    }

    /// <summary>Run time: the feature keys of boundary i from atom ids (-1 = unknown atom: the feature cannot fire).</summary>
    internal static int Keys(in SentenceAtomIds sentence, int i, in AtomIds special, Span<FeatureKey> keys)
    {
        int count = 0;
        Span<int> atoms = stackalloc int[4];
        for (int t = 0; t < Templates.Length; t++)
        {
            var template = Templates[t];
            if (template[0].Kind == 'B' && i != 0) continue;
            if (!sentence.HasWordList && UsesWordList[t]) continue;
            bool known = true;
            atoms.Fill(0);
            for (int a = 0; a < template.Length; a++)
            {
                var (kind, offset) = template[a];
                int id = sentence.Atom(kind, i + offset, special);
                if (id < 0) { known = false; break; }
                atoms[a] = id;
            }
            if (known) keys[count++] = new FeatureKey(t, atoms[0], atoms[1], atoms[2], atoms[3]);
        }
        return count;
    }
}

/// <summary>
/// A training sentence's atoms: per syllable its form and shape, per boundary its word-list cover and
/// greedy-match atoms (null when the model has no word list).
/// </summary>
public sealed record SentenceAtoms(string[] Forms, string[] Shapes, string[]? Covers, string[]? Greedy)
{
    internal string Atom(char kind, int position) => kind switch
    {
        'B' => SegmenterFeatures.FirstBoundary,
        'F' or 'S' => position < 0 ? SegmenterFeatures.SentenceStart : position >= Forms.Length ? SegmenterFeatures.SentenceEnd : kind == 'F' ? Forms[position] : Shapes[position],
        _ => position < 0 ? SegmenterFeatures.SentenceStart : position >= Forms.Length - 1 ? SegmenterFeatures.SentenceEnd : kind == 'W' ? Covers![position] : Greedy![position],
    };
}

/// <summary>The run-time twin of <see cref="SentenceAtoms"/>: the same atoms as ids of the model's atom vocabulary.</summary>
internal readonly ref struct SentenceAtomIds(ReadOnlySpan<int> forms, ReadOnlySpan<int> shapes, ReadOnlySpan<int> covers, ReadOnlySpan<int> greedy, bool hasWordList)
{
    public readonly ReadOnlySpan<int> Forms = forms;
    public readonly ReadOnlySpan<int> Shapes = shapes;
    public readonly ReadOnlySpan<int> Covers = covers;
    public readonly ReadOnlySpan<int> Greedy = greedy;
    public readonly bool HasWordList = hasWordList;

    public int Atom(char kind, int position, in AtomIds special) => kind switch
    {
        'B' => special.First,
        'F' or 'S' => position < 0 ? special.Start : position >= Forms.Length ? special.End : kind == 'F' ? Forms[position] : Shapes[position],
        _ => position < 0 ? special.Start : position >= Forms.Length - 1 ? special.End : kind == 'W' ? Covers[position] : Greedy[position],
    };
}

/// <summary>A feature at run time: its template and the ids of its atoms.</summary>
internal readonly record struct FeatureKey(int Template, int A, int B, int C, int D);

/// <summary>Ids of the padding atoms in a model's atom vocabulary.</summary>
internal readonly record struct AtomIds(int Start, int End, int First);
