using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nlp.Input;

/// <summary>
/// Reads article files and folders into documents, in a stable order: the paths as given, and
/// inside a folder its files sorted by path. <c>.txt</c> and <c>.md</c> are one document each, <c>.html</c>
/// and <c>.htm</c> give their visible article text, <c>.jsonl</c> gives one document a line. Whatever cannot
/// be read becomes an <see cref="InputError"/> in its place, naming the file and line.
/// </summary>
public sealed class InputReader
{
    public static readonly string[] Extensions = [".txt", ".md", ".html", ".htm", ".jsonl"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Files larger than this are refused rather than read into memory.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The date of documents whose input gives none.</summary>
    public DateOnly? DefaultDate { get; init; }

    public IEnumerable<InputItem> Read(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var (file, id) in FilesUnder(path))
                    foreach (var item in ReadFile(file, id)) yield return item;
            }
            else if (File.Exists(path))
            {
                if (!IsSupported(path))
                {
                    yield return Error(path, 0, $"unsupported file type '{Path.GetExtension(path)}' (expected {string.Join(", ", Extensions)})");
                    continue;
                }
                foreach (var item in ReadFile(path, Path.GetFileNameWithoutExtension(path))) yield return item;
            }
            else yield return Error(path, 0, "no such file or folder");
        }
    }

    public static bool IsSupported(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private static IEnumerable<(string File, string Id)> FilesUnder(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Where(IsSupported)
            .Select(f => (File: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (file, relative) in files)
        {
            string withoutExtension = relative[..^Path.GetExtension(relative).Length];
            yield return (file, withoutExtension);
        }
    }

    private IEnumerable<InputItem> ReadFile(string file, string id)
    {
        string extension = Path.GetExtension(file).ToLowerInvariant();
        if (extension == ".jsonl")
        {
            foreach (var item in ReadJsonLines(file)) yield return item;
            yield break;
        }
        string? text = ReadText(file, out InputError? error);
        if (error is not null) { yield return new InputItem(null, error); yield break; }
        if (extension is ".html" or ".htm") text = HtmlText.Extract(text!);
        if (string.IsNullOrWhiteSpace(text)) { yield return Error(file, 0, extension is ".html" or ".htm" ? "no article text in the page" : "empty document"); yield break; }
        yield return new InputItem(new SourceDocument(id, text, DefaultDate, file, 1) { Title = Headline(text) }, null);
    }

    private string? ReadText(string file, out InputError? error)
    {
        error = null;
        byte[] bytes;
        try
        {
            var info = new FileInfo(file);
            if (info.Length > MaxFileBytes)
            {
                error = new InputError(file, 0, $"file is {info.Length / (1024.0 * 1024):0.#} MiB, over the limit of {MaxFileBytes / (1024 * 1024)} MiB");
                return null;
            }
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = new InputError(file, 0, $"cannot read: {e.Message}");
            return null;
        }
        int nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            error = new InputError(file, LineOf(bytes, nul), "binary data (NUL byte): not a text file");
            return null;
        }
        try
        {
            int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return StrictUtf8.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            int at = e.Index >= 0 ? e.Index : 0;
            error = new InputError(file, LineOf(bytes, Math.Min(at, bytes.Length - 1)), "invalid UTF-8");
            return null;
        }
    }

    private static int LineOf(byte[] bytes, int index)
    {
        int line = 1;
        for (int k = 0; k < index && k < bytes.Length; k++) if (bytes[k] == (byte)'\n') line++;
        return line;
    }

    /// <summary>
    /// JSONL is read line by line, so a file of any size streams through; the size limit applies to each
    /// line (one document). Invalid UTF-8 or a NUL byte ends the file with an error naming the line.
    /// </summary>
    private IEnumerable<InputItem> ReadJsonLines(string file)
    {
        StreamReader reader;
        try { reader = new StreamReader(file, StrictUtf8, detectEncodingFromByteOrderMarks: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return [Error(file, 0, $"cannot read: {e.Message}")]; }
        return Lines(reader);

        IEnumerable<InputItem> Lines(StreamReader r)
        {
            using var _ = r;
            int lineNumber = 0;
            bool any = false;
            while (true)
            {
                string? line;
                InputError? error = null;
                try { line = r.ReadLine(); }
                catch (DecoderFallbackException) { line = null; error = new InputError(file, lineNumber + 1, "invalid UTF-8"); }
                catch (IOException e) { line = null; error = new InputError(file, lineNumber + 1, $"cannot read: {e.Message}"); }
                if (error is not null) { yield return new InputItem(null, error); yield break; }
                if (line is null) break;
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                any = true;
                if (line.Contains('\0')) { yield return Error(file, lineNumber, "binary data (NUL byte): not a text file"); yield break; }
                if (line.Length * 2L > MaxFileBytes) { yield return Error(file, lineNumber, $"line is over the limit of {MaxFileBytes / (1024 * 1024)} MiB"); continue; }
                yield return ParseJsonLine(file, lineNumber, line);
            }
            if (!any) yield return Error(file, 0, "empty document");
        }
    }

    private InputItem ParseJsonLine(string file, int lineNumber, string line)
    {
        JObject obj;
        try
        {
            using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None };
            obj = JObject.Load(reader);
            if (reader.Read() && reader.TokenType != JsonToken.Comment) return Error(file, lineNumber, "more than one JSON value on the line");
        }
        catch (JsonException e)
        {
            return Error(file, lineNumber, $"malformed JSON: {e.Message}");
        }
        var idToken = obj["id"];
        if (idToken is null || idToken.Type is not (JTokenType.String or JTokenType.Integer) || string.IsNullOrWhiteSpace(idToken.ToString()))
            return Error(file, lineNumber, "missing \"id\" (a string)");
        if (obj["text"] is not JValue { Type: JTokenType.String } textToken || string.IsNullOrWhiteSpace((string?)textToken))
            return Error(file, lineNumber, "missing or empty \"text\"");
        DateOnly? date = DefaultDate;
        if (obj["date"] is JToken dateToken && dateToken.Type != JTokenType.Null)
        {
            if (!TryParseDate(dateToken.ToString(), out var parsed))
                return Error(file, lineNumber, $"\"date\" is not a date (YYYY-MM-DD): {dateToken}");
            date = parsed;
        }
        Corpus.AnnotatedDocument? annotations = null;
        if (obj["entities"] is JArray)
        {
            try { annotations = Corpus.AnnotatedJsonl.Parse(line); }
            catch (Exception e) when (e is FormatException or InvalidCastException or ArgumentException or NullReferenceException or JsonException)
            {
                return Error(file, lineNumber, $"\"entities\" or \"relations\" are malformed: {e.Message}");
            }
        }
        var document = new SourceDocument(idToken.ToString(), (string)textToken!, date, file, lineNumber)
        {
            Title = obj["title"]?.Type == JTokenType.String ? (string?)obj["title"] : null,
            Url = obj["url"]?.Type == JTokenType.String ? (string?)obj["url"] : null,
            Annotations = annotations,
        };
        return new InputItem(document, null);
    }

    /// <summary>
    /// The headline of an article file: a first line of at most 200 characters, followed by a blank
    /// line, that does not end like a sentence (a Markdown heading's '#' marks are dropped). The text
    /// itself keeps the line; this only names the document.
    /// </summary>
    public static string? Headline(string text)
    {
        int end = text.IndexOf('\n');
        if (end <= 0 || end > 200) return null;
        var rest = text.AsSpan(end + 1);
        if (!(rest.StartsWith("\n") || rest.StartsWith("\r\n"))) return null;
        var line = text[..end].Trim().TrimStart('#').Trim();
        return line.Length == 0 || line[^1] is '.' or ':' or ';' or ',' ? null : line;
    }

    /// <summary>A date as YYYY-MM-DD, or the date part of an ISO 8601 timestamp.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        text = text.Trim();
        if (text.Length > 10 && text[10] is 'T' or ' ') text = text[..10];
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static InputItem Error(string file, int line, string message) => new(null, new InputError(file, line, message));
}
