using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Newtonsoft.Json;
using Nlp.Documents;
using Nlp.Segmentation;

namespace Nlp.Indexing;

/// <summary>The field names of the embedded index, shared by the writer and the searcher.</summary>
public static class IndexFields
{
    public const string Id = "id", Title = "title", Url = "url", Date = "date", DateText = "date_text", Text = "text", Words = "words", Folded = "folded";
    public const string Entities = "entities", Types = "types", Relations = "relations";
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Entity ids of one type, for filtering (<c>org</c>: <c>org:nvidia</c>).</summary>
    public static string Filter(string type) => type.ToLowerInvariant();
    /// <summary>Entity names of one type, as doc values, for facet counts.</summary>
    public static string Facet(string type) => "facet_" + type.ToLowerInvariant();

    public static Analyzer Analyzer(SegmenterModel? segmenter) => new PerFieldAnalyzerWrapper(
        new VietnameseAnalyzer(AnalysisMode.Syllables, segmenter),
        new Dictionary<string, Analyzer>
        {
            [Words] = new VietnameseAnalyzer(AnalysisMode.Words, segmenter),
            [Folded] = new VietnameseAnalyzer(AnalysisMode.Folded, segmenter),
        });

    public static long DateNumber(DateOnly date) => date.Year * 10000L + date.Month * 100 + date.Day;

    /// <summary>The commit data entry that records which <see cref="VietnameseAnalyzer.Version"/> made the index's terms.</summary>
    public const string AnalyzerEntry = "vnlp.analyzer";

    /// <summary>
    /// Refuses an index whose terms another analyzer made: its queries would silently miss (<c>công_ty</c>
    /// indexed, <c>công_ti</c> asked). Such an index has to be built anew.
    /// </summary>
    public static void CheckAnalyzer(DirectoryReader reader, string path)
    {
        reader.IndexCommit.UserData.TryGetValue(AnalyzerEntry, out var version);
        if (version != VietnameseAnalyzer.Version)
            throw new IncompatibleIndexException($"the index at '{path}' was made by an older vnlp (analyzer {version ?? "1"}, this one writes {VietnameseAnalyzer.Version}): its terms are spelled differently; build it anew into an empty folder with 'vnlp index INPUT... --lucene DIR'");
    }
}

/// <summary>An index folder this version cannot search or add to (see <see cref="IndexFields.CheckAnalyzer"/>).</summary>
public sealed class IncompatibleIndexException(string message) : IOException(message);

/// <summary>
/// Writes documents into a Lucene.Net index folder. A document with an id already in the index replaces
/// it; readers open while it writes keep seeing the last commit, and see the new one when reopened.
/// </summary>
public sealed class LuceneIndexWriter : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;

    public LuceneIndexWriter(string path, SegmenterModel? segmenter)
    {
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(path);
        if (DirectoryReader.IndexExists(_directory))
        {
            using var existing = DirectoryReader.Open(_directory);
            try { IndexFields.CheckAnalyzer(existing, path); }
            catch { _directory.Dispose(); throw; }
        }
        var config = new IndexWriterConfig(IndexFields.Version, IndexFields.Analyzer(segmenter)) { OpenMode = OpenMode.CREATE_OR_APPEND };
        _writer = new IndexWriter(_directory, config);
        _writer.SetCommitData(new Dictionary<string, string> { [IndexFields.AnalyzerEntry] = VietnameseAnalyzer.Version });
    }

    public void Add(IndexRecord record)
    {
        var doc = new Lucene.Net.Documents.Document
        {
            new StringField(IndexFields.Id, record.Id, Field.Store.YES),
            new TextField(IndexFields.Text, record.Text, Field.Store.YES),
            new TextField(IndexFields.Words, record.Text, Field.Store.NO),
            new TextField(IndexFields.Folded, record.Text, Field.Store.NO),
            new StoredField(IndexFields.Entities, JsonConvert.SerializeObject(record.Entities)),
        };
        if (record.Title is not null)
        {
            doc.Add(new TextField(IndexFields.Title, record.Title, Field.Store.YES));
            doc.Add(new TextField(IndexFields.Folded, record.Title, Field.Store.NO));
        }
        if (record.Url is not null) doc.Add(new StoredField(IndexFields.Url, record.Url));
        if (record.Date is DateOnly date)
        {
            doc.Add(new Int64Field(IndexFields.Date, IndexFields.DateNumber(date), Field.Store.NO));
            doc.Add(new StoredField(IndexFields.DateText, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        foreach (var type in record.Entities.Select(e => e.Type).Distinct()) doc.Add(new StringField(IndexFields.Types, type, Field.Store.NO));
        foreach (var entity in record.Entities.DistinctBy(e => (e.Type, e.Id)))
        {
            doc.Add(new StringField(IndexFields.Filter(entity.Type), entity.Id, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(IndexFields.Facet(entity.Type), new BytesRef(entity.Text)));
        }
        foreach (var relation in record.Relations) doc.Add(new StringField(IndexFields.Relations, relation, Field.Store.YES));
        _writer.UpdateDocument(new Term(IndexFields.Id, record.Id), doc);
    }

    public void Commit() => _writer.Commit();

    public int Count => _writer.NumDocs;

    public void Dispose()
    {
        _writer.Dispose();
        _directory.Dispose();
    }
}
