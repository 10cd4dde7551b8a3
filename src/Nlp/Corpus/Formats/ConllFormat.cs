using System.Text;
using Nlp.Documents;
using Nlp.Entities;
using Nlp.Tokenization;

namespace Nlp.Corpus.Formats;

/// <summary>
/// CoNLL BIO: one token a line with its tag in the last column (two columns: <c>token TAG</c>; four, as
/// CoNLL-2003: <c>token POS chunk TAG</c>, with <c>_</c> for the middle columns), a blank line between
/// sentences, <c>-DOCSTART-</c> lines between documents. Tokens are this project's syllable tokens.
/// Relations and values do not exist in CoNLL; reading rebuilds the text by joining tokens with spaces.
/// </summary>
public static class ConllFormat
{
    public const string DocumentStart = "-DOCSTART-";

    public static void Write(IEnumerable<AnnotatedDocument> documents, TextWriter output, bool fourColumns)
    {
        var splitter = new Pipeline.NlpPipeline([new Pipeline.NormalizeStage(), new Pipeline.TokenizeStage(), new SentenceSplitter()]);
        foreach (var gold in documents)
        {
            output.Write(fourColumns ? $"{DocumentStart} -X- -X- O\n" : $"{DocumentStart}\t{gold.Id}\n");
            output.Write('\n');
            var document = splitter.Process(new Document(gold.Id, gold.Text, gold.Date));
            int misaligned = 0;
            var tags = NerTrainer.GoldTags(document, gold, ref misaligned);
            if (misaligned > 0) throw new FormatException($"{gold.Id}: {misaligned} entities do not start and end on token boundaries; CoNLL cannot hold them");
            foreach (var sentence in document.Sentences)
            {
                for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
                {
                    var (s, e) = document.ToInput(document.Tokens[t].Start, document.Tokens[t].End);
                    string token = gold.Text[s..e].Replace(' ', '_');
                    output.Write(fourColumns ? $"{token} _ _ {tags[t]}\n" : $"{token}\t{tags[t]}\n");
                }
                output.Write('\n');
            }
        }
    }

    public static List<AnnotatedDocument> Read(TextReader input, string source)
    {
        var documents = new List<AnnotatedDocument>();
        var text = new StringBuilder();
        var entities = new List<AnnotatedEntity>();
        string id = "";
        int documentNumber = 0, lineNumber = 0, entityStart = -1, entityEnd = -1;
        string? entityType = null;
        bool sentenceOpen = false;

        void CloseEntity()
        {
            if (entityType is not null) entities.Add(new AnnotatedEntity(entityStart, entityEnd, entityType, text.ToString(entityStart, entityEnd - entityStart)));
            entityType = null;
        }
        void CloseDocument()
        {
            CloseEntity();
            if (text.Length > 0) documents.Add(new AnnotatedDocument(id.Length > 0 ? id : $"{Path.GetFileNameWithoutExtension(source)}-{documentNumber}", null, text.ToString(), entities.ToList(), []));
            text.Clear();
            entities.Clear();
            id = "";
        }

        while (input.ReadLine() is string line)
        {
            lineNumber++;
            if (line.StartsWith(DocumentStart, StringComparison.Ordinal))
            {
                CloseDocument();
                documentNumber++;
                var rest = line[DocumentStart.Length..].Trim();
                id = rest.StartsWith("-X-", StringComparison.Ordinal) ? "" : rest;
                continue;
            }
            if (string.IsNullOrWhiteSpace(line)) { CloseEntity(); sentenceOpen = false; continue; }
            // A token line: an I- tag continues only an entity of its type in the same sentence.
            var columns = line.Split(line.Contains('\t') ? '\t' : ' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length is not (2 or 4)) throw new FormatException($"{source}:{lineNumber}: expected 2 or 4 columns, got {columns.Length}");
            string token = columns[0].Replace('_', ' ');
            string tag = columns[^1];
            if (tag != BioTags.Outside && !(tag.Length > 2 && (BioTags.IsBegin(tag) || BioTags.IsInside(tag)) && EntityTypes.IsKnown(BioTags.TypeOf(tag))))
                throw new FormatException($"{source}:{lineNumber}: '{tag}' is not O, B-TYPE or I-TYPE with a known type");
            bool continues = sentenceOpen && BioTags.IsInside(tag) && entityType == BioTags.TypeOf(tag);
            if (!continues) CloseEntity();
            sentenceOpen = true;
            if (text.Length > 0) text.Append(' ');
            int start = text.Length;
            text.Append(token);
            if (!continues && tag != BioTags.Outside) { entityType = BioTags.TypeOf(tag); entityStart = start; }
            if (entityType is not null) entityEnd = text.Length;
        }
        CloseDocument();
        return documents;
    }
}
