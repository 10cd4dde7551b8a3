namespace Nlp.Segmentation;

/// <summary>A gold sentence: its words, each a list of syllables (a CoNLL-U FORM split at spaces).</summary>
public sealed record SegmentedSentence(string Id, IReadOnlyList<string[]> Words)
{
    public IEnumerable<string> Syllables => Words.SelectMany(w => w);
    public int SyllableCount => Words.Sum(w => w.Length);
}

/// <summary>
/// Reads Universal Dependencies CoNLL-U files, where a multi-syllable word is one FORM with spaces inside.
/// Each FORM is normalised as the pipeline normalises text (NFC, one tone-mark style), so that a model
/// learns the spellings it will see at run time: the treebank writes both <c>hoà</c> and <c>hòa</c>.
/// </summary>
public static class Conllu
{
    public static List<SegmentedSentence> Read(string path)
    {
        var sentences = new List<SegmentedSentence>();
        var words = new List<string[]>();
        string id = "";
        int lineNumber = 0, start = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            if (line.StartsWith('#'))
            {
                if (line.StartsWith("# sent_id", StringComparison.Ordinal)) id = line[(line.IndexOf('=') + 1)..].Trim();
                continue;
            }
            var columns = line.Split('\t');
            if (columns.Length < 2) throw new FormatException($"{path}:{lineNumber}: not a CoNLL-U token line");
            if (columns[0].Contains('-') || columns[0].Contains('.')) continue; // multi-word ranges and empty nodes
            if (words.Count == 0) start = lineNumber;
            var syllables = Text.TextNormalizer.Normalize(columns[1]).Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (syllables.Length > 0) words.Add(syllables);
        }
        Flush();
        return sentences;

        void Flush()
        {
            if (words.Count > 0) sentences.Add(new SegmentedSentence(id.Length > 0 ? id : $"{Path.GetFileName(path)}:{start}", words.ToArray()));
            words.Clear();
            id = "";
        }
    }
}
