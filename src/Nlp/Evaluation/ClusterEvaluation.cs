using Nlp.Corpus;
using Nlp.Graph;

namespace Nlp.Evaluation;

/// <summary>
/// How well entity ids merge mentions, against gold clusters of mentions (one cluster per real entity,
/// across documents): the share of mentions in gold clusters of two or more mentions that carry their
/// cluster's majority id (same entity, same id), and the share of ids whose mentions belong to more than
/// one gold cluster (ids that merge different entities).
/// </summary>
public sealed class ClusterEvaluation
{
    public int Mentions { get; private set; }
    public int MentionsInSharedClusters { get; private set; }
    public int MentionsWithMajorityId { get; private set; }
    public int Ids { get; private set; }
    public int ImpureIds { get; private set; }
    public List<string> Errors { get; } = new();

    public double SameEntitySameId => MentionsInSharedClusters == 0 ? 1 : (double)MentionsWithMajorityId / MentionsInSharedClusters;
    public double IdsMergingDifferentEntities => Ids == 0 ? 0 : (double)ImpureIds / Ids;

    /// <summary>Reads gold clusters (TSV: cluster, document, start, end, type, text) keyed by (document, start, end).</summary>
    public static Dictionary<(string, int, int), string> ReadGold(string path)
    {
        var gold = new Dictionary<(string, int, int), string>();
        int line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            if (line++ == 0 || string.IsNullOrWhiteSpace(raw)) continue;
            var c = raw.Split('\t');
            if (c.Length < 4 || !int.TryParse(c[2], out int start) || !int.TryParse(c[3], out int end))
                throw new FormatException($"{path}:{line}: expected cluster<TAB>document<TAB>start<TAB>end<TAB>type<TAB>text");
            gold[(c[1], start, end)] = c[0];
        }
        return gold;
    }

    public static ClusterEvaluation Evaluate(IEnumerable<AnnotatedDocument> documents, IReadOnlyDictionary<(string, int, int), string> gold, EntityResolver resolver)
    {
        var result = new ClusterEvaluation();
        var mentions = new List<(string Cluster, string Id, string Where)>();
        foreach (var d in documents)
        {
            var ids = resolver.Resolve(d);
            for (int i = 0; i < d.Entities.Count; i++)
            {
                var e = d.Entities[i];
                if (gold.TryGetValue((d.Id, e.Start, e.End), out var cluster)) mentions.Add((cluster, ids[i], $"{d.Id} '{e.Text}'"));
            }
        }
        result.Mentions = mentions.Count;
        foreach (var cluster in mentions.GroupBy(m => m.Cluster).Where(g => g.Count() > 1))
        {
            var majority = cluster.GroupBy(m => m.Id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            result.MentionsInSharedClusters += cluster.Count();
            result.MentionsWithMajorityId += cluster.Count(m => m.Id == majority);
            foreach (var m in cluster.Where(m => m.Id != majority)) result.Errors.Add($"split\t{cluster.Key}\t{m.Where} has {m.Id}, most of the entity has {majority}");
        }
        foreach (var id in mentions.GroupBy(m => m.Id))
        {
            result.Ids++;
            var clusters = id.Select(m => m.Cluster).Distinct().ToList();
            if (clusters.Count <= 1) continue;
            result.ImpureIds++;
            result.Errors.Add($"merge\t{id.Key}\tjoins {string.Join(", ", clusters)}");
        }
        return result;
    }
}
