using Newtonsoft.Json.Linq;
using Nlp.Documents;
using Nlp.Entities;
using Nlp.Indexing;
using Nlp.Input;
using Nlp.Pipeline;
using Nlp.Segmentation;
using Nlp.Tests.Cli;

namespace Nlp.Tests.Indexing;

/// <summary>An index as vnlp wrote it before the i/y spelling was unified: no analyzer stamp, <c>công_ty</c> in its terms.</summary>
public static class OlderIndex
{
    public static void Write(string path)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(path);
        using var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(IndexFields.Version, new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(IndexFields.Version)));
        writer.AddDocument([new Lucene.Net.Documents.StringField(IndexFields.Id, "x", Lucene.Net.Documents.Field.Store.YES), new Lucene.Net.Documents.TextField(IndexFields.Words, "công_ty", Lucene.Net.Documents.Field.Store.NO)]);
        writer.Commit();
    }
}

/// <summary>The samples indexed once with the shipped models, in a temporary folder.</summary>
public sealed class SampleIndexFixture : IDisposable
{
    public SampleIndexFixture()
    {
        Segmenter = SegmenterModel.Load(Path.Combine(RepositoryPaths.Models, "segmenter.zip"));
        var tagger = NerModel.Load(Path.Combine(RepositoryPaths.Models, "ner.zip"));
        Pipeline = new NlpPipeline(NerTrainer.Preparation(Segmenter).Stages.Append(new EntityTaggingStage(tagger)));
        var sources = new InputReader().Read([Path.Combine(RepositoryPaths.Root, "data", "samples")]).Select(i => i.Document!).ToList();
        Records = sources.Select(s => IndexRecord.From(Pipeline.Process(new Document(s.Id, s.Text, s.Date) { Title = s.Title, Url = s.Url }), 512)).ToList();
        using var writer = new LuceneIndexWriter(Folder.Path, Segmenter);
        foreach (var r in Records) writer.Add(r);
        writer.Commit();
    }

    public SegmenterModel Segmenter { get; }
    public NlpPipeline Pipeline { get; }
    public List<IndexRecord> Records { get; }
    public TempFolder Folder { get; } = new();
    public void Dispose() => Folder.Dispose();
}

public class IndexingTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    private SearchResult Search(SearchRequest request)
    {
        using var searcher = new LuceneSearcher(fixture.Folder.Path, fixture.Segmenter);
        return searcher.Search(request);
    }

    [Fact]
    public void The_analyzer_gives_syllables_words_and_folded_syllables()
    {
        // One i/y spelling: "ty" and "ti" are one term, as are "quý" and "quí".
        Assert.Equal(["công", "ti", "khởi", "nghiệp", "quý"], new VietnameseAnalyzer(AnalysisMode.Syllables, fixture.Segmenter).Terms("Công ty khởi nghiệp quí."));
        Assert.Equal(["công_ti", "khởi_nghiệp"], new VietnameseAnalyzer(AnalysisMode.Words, fixture.Segmenter).Terms("Công ty khởi nghiệp."));
        Assert.Equal(["cong", "ti", "khoi", "nghiep", "dien", "thoai"], new VietnameseAnalyzer(AnalysisMode.Folded, fixture.Segmenter).Terms("Công ty khởi nghiệp điện thoại"));
    }

    [Theory]
    [InlineData("qui mô", "Quy mô thị trường chip tăng mạnh.", "**Quy** **mô**")]
    [InlineData("quy mô", "Qui mô thị trường chip tăng mạnh.", "**Qui** **mô**")]
    [InlineData("lý do", "Lí do được hãng đưa ra hôm qua.", "**Lí** **do**")]
    [InlineData("kĩ sư", "Các kỹ sư của hãng làm việc tại Hà Nội.", "**kỹ** **sư**")]
    [InlineData("ki su", "Các kỹ sư của hãng làm việc tại Hà Nội.", "**kỹ** **sư**")]
    public void A_query_finds_the_text_in_the_other_i_y_spelling_and_highlights_it_as_written(string query, string text, string highlighted)
    {
        using var folder = new TempFolder();
        using (var writer = new LuceneIndexWriter(folder.Path, fixture.Segmenter))
        {
            writer.Add(IndexRecord.From(fixture.Pipeline.Process(new Document("a", text)), 512));
            writer.Add(IndexRecord.From(fixture.Pipeline.Process(new Document("b", "Giá cổ phiếu giảm trong phiên sáng.")), 512));
            writer.Commit();
        }
        using var searcher = new LuceneSearcher(folder.Path, fixture.Segmenter);
        var hit = Assert.Single(searcher.Search(new SearchRequest(query)).Hits);
        Assert.Equal("a", hit.Id);
        Assert.Contains(highlighted, hit.Snippet);
    }

    [Fact]
    public void An_index_whose_terms_an_older_analyzer_made_is_refused_by_name_not_searched_wrongly()
    {
        using var folder = new TempFolder();
        OlderIndex.Write(folder.Path);
        var search = Assert.Throws<IncompatibleIndexException>(() => new LuceneSearcher(folder.Path, fixture.Segmenter));
        Assert.Contains(folder.Path, search.Message);
        Assert.Contains("build it anew", search.Message);
        Assert.Throws<IncompatibleIndexException>(() => new LuceneIndexWriter(folder.Path, fixture.Segmenter));
    }

    [Fact]
    public void Searching_an_organisation_finds_its_articles_first()
    {
        var result = Search(new SearchRequest("VinFast"));
        Assert.Equal("vinfast-nha-may-indonesia", result.Hits[0].Id);
        Assert.Contains("**VinFast**", result.Hits[0].Snippet);
    }

    [Fact]
    public void Searching_a_product_finds_the_articles_about_it()
    {
        var byName = Search(new SearchRequest("H100"));
        Assert.Equal("my-siet-xuat-khau-chip-ai", byName.Hits[0].Id);
        var byFilter = Search(new SearchRequest("") { Products = ["h100"] });
        Assert.Contains(byFilter.Hits, h => h.Id == "my-siet-xuat-khau-chip-ai");
        Assert.All(byFilter.Hits, h => Assert.Contains(h.Entities, e => e.Id == "product:h100"));
    }

    [Fact]
    public void An_accent_free_query_matches_the_accented_text()
    {
        var accented = Search(new SearchRequest("ví điện tử"));
        var plain = Search(new SearchRequest("vi dien tu"));
        Assert.Equal(accented.Hits.Select(h => h.Id).Take(2).Order(), plain.Hits.Select(h => h.Id).Take(2).Order());
        Assert.Contains(plain.Hits.Take(2), h => h.Id == "zalopay-ra-mat-tra-sau");
        Assert.Contains(plain.Hits.Take(2), h => h.Id == "tn-001");
    }

    [Fact]
    public void Filters_by_entity_type_and_date_range()
    {
        var nvidia = Search(new SearchRequest("") { Orgs = ["nvidia"] });
        Assert.Contains(nvidia.Hits, h => h.Id == "nvidia-mua-vinbrain");
        Assert.All(nvidia.Hits, h => Assert.Contains(h.Entities, e => e.Id == "org:nvidia"));

        var inRange = Search(new SearchRequest("") { From = new DateOnly(2025, 4, 1), To = new DateOnly(2025, 5, 31) });
        Assert.Equal(["tn-002", "tn-004"], inRange.Hits.Select(h => h.Id).Order());

        var withMoney = Search(new SearchRequest("") { Types = ["MONEY"], Top = 50 });
        Assert.All(withMoney.Hits, h => Assert.Contains(h.Entities, e => e.Type == "MONEY"));
        Assert.True(withMoney.TotalHits < fixture.Records.Count || fixture.Records.All(r => r.Entities.Any(e => e.Type == "MONEY")));
    }

    [Fact]
    public void Facets_count_entities_of_the_matching_documents()
    {
        var result = Search(new SearchRequest("") { Top = 50 });
        var orgs = result.Facets["ORG"].ToDictionary(f => f.Name, f => f.Count);
        int expected = fixture.Records.Count(r => r.Entities.Any(e => e.Type == "ORG" && e.Text == "Nvidia"));
        Assert.Equal(expected, orgs["Nvidia"]);
    }

    [Fact]
    public void Re_indexing_replaces_and_an_open_reader_survives_a_writer()
    {
        using var folder = new TempFolder();
        var record = fixture.Records[0];
        using (var writer = new LuceneIndexWriter(folder.Path, fixture.Segmenter)) { writer.Add(record); writer.Commit(); }
        using var before = new LuceneSearcher(folder.Path, fixture.Segmenter);
        using (var writer = new LuceneIndexWriter(folder.Path, fixture.Segmenter))
        {
            writer.Add(record);
            writer.Add(fixture.Records[1]);
            writer.Commit();
            Assert.Equal(2, writer.Count);
        }
        Assert.Equal(1, before.DocumentCount);
        Assert.Equal(1, before.Search(new SearchRequest("")).TotalHits);
        using var after = new LuceneSearcher(folder.Path, fixture.Segmenter);
        Assert.Equal(2, after.DocumentCount);
    }

    [Fact]
    public void The_bulk_file_alternates_action_and_document_lines()
    {
        var output = new StringWriter();
        foreach (var r in fixture.Records) BulkFeed.Write(r, "news", output);
        string bulk = output.ToString();
        Assert.EndsWith("\n", bulk);
        var lines = bulk.Split('\n')[..^1];
        Assert.Equal(fixture.Records.Count * 2, lines.Length);
        for (int i = 0; i < lines.Length; i += 2)
        {
            var action = JObject.Parse(lines[i]);
            var doc = JObject.Parse(lines[i + 1]);
            Assert.Equal("news", (string)action["index"]!["_index"]!);
            Assert.Equal((string)doc["id"]!, (string)action["index"]!["_id"]!);
            foreach (var e in (JArray)doc["entities"]!)
                Assert.Equal((string)doc["text"]!.ToString()[(int)e["start"]!..(int)e["end"]!], (string)e["text"]!);
            Assert.True((int)doc["tokens"]! > 0);
        }
        var mapping = BulkFeed.Mapping();
        Assert.Equal("nested", (string)mapping["mappings"]!["properties"]!["entities"]!["type"]!);
        Assert.Equal("date", (string)mapping["mappings"]!["properties"]!["date"]!["type"]!);
    }

    [Fact]
    public void Passages_never_cut_a_sentence()
    {
        var record = fixture.Records.Single(r => r.Id == "my-siet-xuat-khau-chip-ai");
        var document = fixture.Pipeline.Process(new Document(record.Id, record.Text, record.Date));
        var sentenceStarts = document.Sentences.Select(s => document.ToInput(document.Tokens[s.FirstToken].Start, document.Tokens[s.FirstToken].End).Start).ToHashSet();
        var sentenceEnds = document.Sentences.Select(s => document.ToInput(document.Tokens[s.EndToken - 1].Start, document.Tokens[s.EndToken - 1].End).End).ToHashSet();
        var passages = Passages.Split(document, 60);
        Assert.True(passages.Count > 2);
        foreach (var p in passages)
        {
            Assert.Contains(p.Start, sentenceStarts);
            Assert.Contains(p.End, sentenceEnds);
            Assert.Equal(Passages.CountTokens(p.Text), p.Tokens);
            Assert.True(p.Tokens <= 60 || !p.Text.Trim().Contains(". "), $"passage of {p.Tokens} tokens holds more than one sentence");
        }
        Assert.Equal(document.Sentences.Count, passages.Sum(p => document.Sentences.Count(s =>
        {
            var start = document.ToInput(document.Tokens[s.FirstToken].Start, document.Tokens[s.FirstToken].End).Start;
            return start >= p.Start && start < p.End;
        })));
    }

    [Fact]
    public void Entity_ids_ignore_case_diacritics_and_tone_style()
    {
        Assert.Equal("org:the-gioi-di-dong", EntityIds.For("ORG", "Thế Giới Di Động"));
        Assert.Equal(EntityIds.For("ORG", "Thế Giới Di Động"), EntityIds.For("ORG", "thế giới di động"));
        Assert.Equal(EntityIds.For("LOCATION", "Hòa Bình"), EntityIds.For("LOCATION", "Hoà Bình"));
        Assert.Equal("product:deepseek-r1", EntityIds.For("PRODUCT", "DeepSeek R1"));
        Assert.Equal("product:copilot+", EntityIds.For("PRODUCT", "Copilot+"));
        Assert.NotEqual(EntityIds.For("ORG", "GitHub"), EntityIds.For("PRODUCT", "GitHub"));
    }
}
