using Nlp.Corpus;

namespace Nlp.Tests.Corpus;

public class CorpusCheckerTests
{
    private static string CorpusFile(string name) => Path.Combine(RepositoryPaths.Root, "data", "corpus", name);

    [Fact]
    public void The_committed_corpus_is_valid_and_as_large_as_promised()
    {
        var checker = new CorpusChecker();
        checker.Check(CorpusFile("train.jsonl"));
        int trainDocuments = checker.Documents;
        checker.Check(CorpusFile("dev.jsonl"));
        checker.Check(Path.Combine(RepositoryPaths.Root, "data", "heldout", "heldout.jsonl"));
        Assert.Empty(checker.Errors.Select(e => e.ToString()));
        Assert.True(trainDocuments >= 900, $"train has {trainDocuments} paragraphs");
        Assert.True(checker.Documents - trainDocuments >= 150);
        Assert.True(checker.EntityCounts["ORG"] >= 1200);
        Assert.True(checker.EntityCounts["PRODUCT"] >= 900);
        Assert.True(checker.EntityCounts["DATE"] >= 600);
        Assert.True(checker.EntityCounts["MONEY"] >= 450);
        Assert.True(checker.EntityCounts["PERSON"] >= 450);
        Assert.True(checker.EntityCounts["LOCATION"] >= 450);
        Assert.True(checker.RelationCounts.Values.Sum() >= 700);
    }

    private static AnnotatedDocument Doc(string id, string text, AnnotatedEntity[] entities, AnnotatedRelation[]? relations = null) =>
        new(id, new DateOnly(2025, 1, 1), text, entities, relations ?? []) { File = "t.jsonl", Line = 1 };

    [Fact]
    public void Finds_each_kind_of_problem()
    {
        var checker = new CorpusChecker();
        const string text = "Nvidia ra mắt chip H20 tại Mỹ với giá 6 triệu USD vào năm 2025.";
        checker.Check(Doc("a", text, [new(0, 6, "ORG", "Nvidia"), new(19, 22, "PRODUCT", "H20")], [new(0, 1, "DEVELOPS")]));
        checker.Check(Doc("a", "Một đoạn khác hẳn về chủ đề khác, không trùng lặp chút nào với đoạn đầu.", []));
        checker.Check(Doc("b", text, [new(0, 7, "ORG", "Nvidia")]));
        checker.Check(Doc("c", "Nvidia", [new(0, 6, "COMPANY", "Nvidia")]));
        checker.Check(Doc("d", "Nvidia H20", [new(0, 10, "PRODUCT", "Nvidia H20"), new(7, 10, "PRODUCT", "H20")]));
        checker.Check(Doc("e", "Nvidia và Mỹ", [new(0, 6, "ORG", "Nvidia"), new(10, 12, "LOCATION", "Mỹ")], [new(1, 0, "LOCATED_IN")]));
        checker.Check(Doc("f", "Giá 6 USD", [new(4, 9, "MONEY", "6 USD")]));
        checker.Check(Doc("g", "Hoa\u0300 Bi\u0300nh", []));
        string all = string.Join("\n", checker.Errors.Select(e => e.ToString()));
        Assert.Contains("a: duplicate id", all);
        Assert.Contains("b: entity 0: text 'Nvidia' but the span holds 'Nvidia '", all);
        Assert.Contains("b: near-duplicate of a", all);
        Assert.Contains("c: entity 0: unknown type 'COMPANY'", all);
        Assert.Contains("d: entity 1: 'H20' overlaps", all);
        Assert.Contains("e: relation 0: LOCATED_IN cannot link LOCATION 'Mỹ' to ORG 'Nvidia'", all);
        Assert.Contains("f: entity 0: MONEY '6 USD' needs amount and currency", all);
        Assert.Contains("g: text is not in Unicode NFC", all);
    }
}
