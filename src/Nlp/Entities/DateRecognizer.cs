using Nlp.Documents;

namespace Nlp.Entities;

/// <summary>
/// Finds DATE by the guidelines: absolute dates (<c>ngày 30.1</c>, <c>30/1/2025</c>, <c>tháng 12.2024</c>, <c>năm 2023</c>),
/// periods (<c>quý III/2025</c>, <c>nửa đầu năm 2025</c>, <c>6 tháng đầu năm</c>, <c>cuối tháng 6</c>), relative dates
/// (<c>hôm qua</c>, <c>tuần trước</c>, <c>năm nay</c>, <c>cùng kỳ năm trước</c>) and durations (<c>hai tháng</c>). The words
/// <c>ngày</c>, <c>tháng</c>, <c>năm</c>, <c>quý</c>, <c>tuần</c> of the expression are inside the span; prepositions are not.
/// The value is an ISO date, month or year only when the expression is exactly one of those.
/// </summary>
internal static class DateRecognizer
{
    private static readonly string[] RelativeWords = ["này", "nay", "trước", "qua", "tới", "sau", "ngoái"];
    /// <summary>Words that complete a relative date after a period ("tháng 6 này", "hai tháng qua").</summary>
    private static readonly string[] ClosingWords = ["này", "tới", "qua", "nữa"];
    private static readonly string[] Units = ["ngày", "tuần", "tháng", "năm", "quý"];
    private static readonly string[] Edges = ["đầu", "cuối", "giữa"];
    private static readonly string[] DayCues = ["hôm", "vào", "từ", "đến", "tới", "hết", "sáng", "chiều", "tối", "trưa", "đêm", "khuya", "sau", "trước", "(", "-", "–", "và", "hoặc", "nay", "là", "phiên", "ngày"];
    private static readonly string[] VersionCues = ["bản", "phiên", "version", "v", "thế", "hệ"];
    private static readonly string[] NumberUnitWords = ["triệu", "tỷ", "tỉ", "nghìn", "ngàn", "USD", "%", "điểm", "lần", "GB", "TB", "MB"];

    /// <summary>Tries to read a DATE starting at token k; returns the end token (exclusive) or -1.</summary>
    public static int Match(TokenWindow w, int k, int? documentYear, out string? value)
    {
        value = null;
        int end;
        if ((end = Edge(w, k)) > 0) return end;
        if ((end = Half(w, k)) > 0) return end;
        if ((end = Day(w, k, documentYear, out value)) > 0) return end;
        if ((end = Month(w, k, documentYear, out value)) > 0) return end;
        if ((end = Year(w, k, documentYear, out value)) > 0) return end;
        if ((end = Quarter(w, k)) > 0) return end;
        if ((end = Week(w, k)) > 0) return end;
        if ((end = Relative(w, k)) > 0) return end;
        if ((end = LeadingPeriod(w, k)) > 0) return end;
        if ((end = Duration(w, k)) > 0) return end;
        if ((end = Ordinal(w, k)) > 0) return end;
        if ((end = Season(w, k)) > 0) return end;
        if ((end = YearRange(w, k)) > 0) return end;
        value = null;
        return -1;
    }

    // "đầu năm nay", "cuối tháng 6", "giữa tháng 7", "Đầu tuần này", "cuối quý III/2025", "đầu năm".
    private static int Edge(TokenWindow w, int k)
    {
        if (!w.IsAny(k, Edges) || !w.IsAny(k + 1, Units)) return -1;
        int end = Month(w, k + 1, null, out _);
        if (end < 0) end = Year(w, k + 1, null, out _);
        if (end < 0) end = Quarter(w, k + 1);
        if (end < 0) end = Week(w, k + 1);
        if (end < 0) end = w.Is(k + 1, "ngày") ? -1 : k + 2;
        return end;
    }

    // "nửa đầu năm 2025", "nửa cuối năm nay", "nửa sau tháng 3".
    private static int Half(TokenWindow w, int k)
    {
        if (!w.Is(k, "nửa") || !w.IsAny(k + 1, ["đầu", "cuối", "sau", "trước"])) return -1;
        int end = Year(w, k + 2, null, out _);
        if (end < 0) end = Month(w, k + 2, null, out _);
        if (end < 0 && w.IsAny(k + 2, ["năm", "tháng"])) end = k + 3;
        return end;
    }

    // "6 tháng đầu năm", "9 tháng đầu năm 2025", "3 tháng cuối năm nay".
    private static int LeadingPeriod(TokenWindow w, int k)
    {
        if (!IsCount(w, k) || !w.Is(k + 1, "tháng") || !w.IsAny(k + 2, ["đầu", "cuối"]) || !w.Is(k + 3, "năm")) return -1;
        int end = Year(w, k + 3, null, out _);
        return end > 0 ? end : k + 4;
    }

    // "ngày 30.1", "ngày 30/1/2025", "30-1-2025", "ngày 30 tháng 1 năm 2025", "ngày mai", "ngày hôm qua", and a bare
    // "30.1" or "20/1" where the words before it make it a date.
    private static int Day(TokenWindow w, int k, int? documentYear, out string? value)
    {
        value = null;
        if (w.Is(k, "ngày"))
        {
            if (w.IsAny(k + 1, ["mai", "kia"])) return k + 2;
            if (w.Is(k + 1, "hôm") && w.IsAny(k + 2, ["qua", "nay", "kia"])) return k + 3;
            if (w.IsKind(k + 1, TokenKind.Number))
            {
                if (TryDayMonthYear(w.Text(k + 1), documentYear, out value, out _)) return k + 2;
                // ngày 30 tháng 1 [năm 2025]
                if (int.TryParse(w.Text(k + 1), out int d) && d is >= 1 and <= 31 && w.Is(k + 2, "tháng") && w.IsKind(k + 3, TokenKind.Number)
                    && int.TryParse(w.Text(k + 3), out int m) && m is >= 1 and <= 12)
                {
                    int end = k + 4;
                    int? year = documentYear;
                    if (w.Is(end, "năm") && w.IsKind(end + 1, TokenKind.Number) && TryYear(w.Text(end + 1), out int y)) { year = y; end += 2; }
                    value = Iso(year, m, d);
                    return end;
                }
            }
            return -1;
        }
        if (w.IsKind(k, TokenKind.Number) && TryDayMonthYear(w.Text(k), documentYear, out value, out bool hasYear))
        {
            if (hasYear) return k + 1;
            bool cued = w.IsAny(k - 1, DayCues) || (k == w.First && w.Is(k + 1, ","));
            // "20/1" needs a cue: without one it is as likely a fraction or a score.
            if (w.Text(k).Contains('/')) { if (cued) return k + 1; }
            else
            {
                // "30.1" is a date unless it reads as a quantity ("1.5 triệu") or a version ("Gemini 2.5", "bản 1.2").
                bool quantity = w.IsAny(k + 1, NumberUnitWords);
                bool version = !cued && w.IsKind(k - 1, TokenKind.Word) && (HasUpperOrDigit(w.Text(k - 1)) || w.IsAny(k - 1, VersionCues));
                if (!quantity && !version) return k + 1;
            }
            value = null;
        }
        return -1;
    }

    // "tháng 12.2024", "Tháng 10/2024", "tháng 3", "tháng 3 năm 2025", "tháng 6 năm nay", "tháng 12-2024", "tháng trước".
    private static int Month(TokenWindow w, int k, int? documentYear, out string? value)
    {
        value = null;
        if (!w.Is(k, "tháng")) return -1;
        if (w.IsAny(k + 1, RelativeWords)) return k + 2;
        if (!w.IsKind(k + 1, TokenKind.Number)) return -1;
        var t = w.Text(k + 1);
        int sep = t.IndexOfAny('.', '/');
        if (sep > 0)
        {
            if (int.TryParse(t[..sep], out int m) && m is >= 1 and <= 12 && TryYear(t[(sep + 1)..], out int y))
            {
                value = Iso(y, m, null);
                return k + 2;
            }
            return -1;
        }
        if (!int.TryParse(t, out int month) || month is < 1 or > 12) return -1;
        int end = k + 2;
        int? year = documentYear;
        if (w.Is(end, "-") && w.Glued(end) && w.IsKind(end + 1, TokenKind.Number) && w.Glued(end + 1) && TryYear(w.Text(end + 1), out int y2)) { year = y2; end += 2; }
        else if (w.Is(end, "năm") && w.IsKind(end + 1, TokenKind.Number) && TryYear(w.Text(end + 1), out int y3)) { year = y3; end += 2; }
        else if (w.Is(end, "năm") && w.IsAny(end + 1, ["nay", "ngoái", "trước", "sau", "tới"]))
        {
            year = w.IsAny(end + 1, ["nay"]) ? documentYear : w.IsAny(end + 1, ["ngoái", "trước"]) ? documentYear - 1 : documentYear + 1;
            end += 2;
        }
        else if (ClosingTail(w, end) is int tail and > 0) { year = null; end = tail; }
        value = year is int yy ? Iso(yy, month, null) : null;
        return end;
    }

    // "năm 2023", "năm nay", "năm ngoái", "năm tới".
    private static int Year(TokenWindow w, int k, int? documentYear, out string? value)
    {
        value = null;
        if (!w.Is(k, "năm")) return -1;
        if (w.IsKind(k + 1, TokenKind.Number) && TryYear(w.Text(k + 1), out int y))
        {
            value = y.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            return k + 2;
        }
        if (w.IsAny(k + 1, ["nay", "ngoái", "trước", "qua", "tới", "sau", "kia"])) return k + 2;
        return -1;
    }

    // "quý III/2025", "quý 3/2025", "quý 2", "quý 1 năm 2025", "quý IV năm ngoái", "quý này", "quý trước".
    private static int Quarter(TokenWindow w, int k)
    {
        if (!w.Is(k, "quý")) return -1;
        if (w.IsAny(k + 1, RelativeWords)) return k + 2;
        if (w.Is(k + 1, "tiếp") && w.Is(k + 2, "theo")) return k + 3;
        bool roman = w.IsAny(k + 1, ["I", "II", "III", "IV"]);
        if (!roman && !(w.IsKind(k + 1, TokenKind.Number) && IsQuarterNumber(w.Text(k + 1)))) return -1;
        int end = k + 2;
        if (roman && w.Is(end, "/") && w.Glued(end) && w.IsKind(end + 1, TokenKind.Number) && TryYear(w.Text(end + 1), out _)) end += 2;
        else if (w.Text(k + 1).Contains('/')) { }
        else if (Year(w, end, null, out _) is int e && e > 0) end = e;
        else if (w.Is(end, "năm") && w.Is(end + 1, "tài") && w.Is(end + 2, "chính") && w.IsKind(end + 3, TokenKind.Number) && TryYear(w.Text(end + 3), out _)) end += 4;
        else if (ClosingTail(w, end) is int tail and > 0) end = tail;
        return end;
    }

    private static bool IsQuarterNumber(ReadOnlySpan<char> t)
    {
        int slash = t.IndexOf('/');
        var q = slash > 0 ? t[..slash] : t;
        return q is "1" or "2" or "3" or "4" && (slash < 0 || TryYear(t[(slash + 1)..], out _));
    }

    // "tuần trước", "tuần này", "tuần tới", "tuần qua", "tuần sau".
    private static int Week(TokenWindow w, int k)
    {
        if (!w.Is(k, "tuần")) return -1;
        if (w.Is(k + 1, "tiếp") && w.Is(k + 2, "theo")) return k + 3;
        return w.IsAny(k + 1, ["trước", "này", "tới", "qua", "sau"]) ? k + 2 : -1;
    }

    // "hôm qua", "hôm nay", "hôm kia", "cùng ngày", "cùng kỳ năm trước", "cùng kỳ".
    private static int Relative(TokenWindow w, int k)
    {
        if (w.Is(k, "hôm") && w.IsAny(k + 1, ["qua", "nay", "kia"])) return k + 2;
        if (w.Is(k, "cùng") && w.Is(k + 1, "ngày")) return k + 2;
        if (w.Is(k, "cùng") && w.Is(k + 1, "kỳ"))
        {
            int end = Year(w, k + 2, null, out _);
            return end > 0 ? end : k + 2;
        }
        return -1;
    }

    // "hai tháng", "3 năm", "10 ngày qua", "5 năm tới", "vài tuần".
    private static int Duration(TokenWindow w, int k)
    {
        if (!IsCount(w, k)) return -1;
        int end;
        if (w.IsAny(k + 1, Units)) end = k + 2;
        else if (w.Is(k + 1, "thập") && w.IsAny(k + 2, ["kỷ", "kỉ", "niên"])) end = k + 3;
        else return -1;
        // "2 tháng 9" is a date written without "ngày", not a duration.
        if (w.IsKind(end, TokenKind.Number)) return -1;
        return ClosingTail(w, end) is int tail and > 0 ? tail : end;
    }

    /// <summary>
    /// The end of a relative date's closing word at i ("qua", "tới", "này", "nữa"), or -1. "trước" and "sau"
    /// close it only at the end of a clause ("hai tuần trước."); before more words they are prepositions
    /// ("hai tháng sau khi ...", "một ngày trước đó"), which stay outside.
    /// </summary>
    private static int ClosingTail(TokenWindow w, int i)
    {
        if (w.IsAny(i, ClosingWords)) return i + 1;
        if (w.IsAny(i, ["trước", "sau"]) && (!w.Has(i + 1) || w.IsKind(i + 1, TokenKind.Punctuation))) return i + 1;
        return -1;
    }

    // "thập kỷ qua", "tuần đầu tiên", "năm đầu tiên", "tháng đầu".
    private static int Ordinal(TokenWindow w, int k)
    {
        if (w.Is(k, "thập") && w.IsAny(k + 1, ["kỷ", "kỉ", "niên"]) && w.IsAny(k + 2, ["qua", "tới", "này"])) return k + 3;
        if (!w.IsAny(k, ["tuần", "tháng", "năm", "quý"]) || !w.Is(k + 1, "đầu")) return -1;
        if (w.Is(k + 2, "tiên")) return k + 3;
        // "năm đầu" is the first year, but "tháng đầu năm" is a different period, left to LeadingPeriod.
        return w.IsAny(k + 2, Units) ? -1 : k + 2;
    }

    // "mùa hè năm nay", "mùa thu năm 2025".
    private static int Season(TokenWindow w, int k)
    {
        if (!w.Is(k, "mùa") || !w.IsAny(k + 1, ["hè", "xuân", "thu", "đông"])) return -1;
        return Year(w, k + 2, null, out _) is int end and > 0 ? end : -1;
    }

    // "giai đoạn 2023 – 2025": a range of years after "giai đoạn".
    private static int YearRange(TokenWindow w, int k)
    {
        if (!w.Is(k - 1, "đoạn") || !w.Is(k - 2, "giai")) return -1;
        if (!w.IsKind(k, TokenKind.Number) || !TryYear(w.Text(k), out _) || !w.IsAny(k + 1, ["-", "–"]) || !w.IsKind(k + 2, TokenKind.Number) || !TryYear(w.Text(k + 2), out _)) return -1;
        return k + 3;
    }

    private static bool IsCount(TokenWindow w, int k)
    {
        if (w.IsKind(k, TokenKind.Number))
        {
            var t = w.Text(k);
            return t.Length <= 3 && int.TryParse(t, out int n) && n > 0;
        }
        return w.IsKind(k, TokenKind.Word) && NumberParser.TryParseWord(w.Text(k), out _);
    }

    /// <summary>"30.1", "30/1/2025", "30-1-2025", "30.1.2025": a valid day and month, with or without a year.</summary>
    private static bool TryDayMonthYear(ReadOnlySpan<char> t, int? documentYear, out string? value, out bool hasYear)
    {
        value = null;
        hasYear = false;
        Span<Range> parts = stackalloc Range[4];
        char sep = t.IndexOfAny('.', '/', '-') is int at and >= 0 ? t[at] : '\0';
        if (sep == '\0') return false;
        int count = t.Split(parts, sep);
        if (count is < 2 or > 3) return false;
        var dayText = t[parts[0]];
        var monthText = t[parts[1]];
        if (dayText.Length > 2 || monthText.Length > 2) return false;
        if (!int.TryParse(dayText, out int d) || !int.TryParse(monthText, out int m)) return false;
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(2024, m)) return false;
        int? year = documentYear;
        if (count == 3)
        {
            if (!TryYear(t[parts[2]], out int y)) return false;
            year = y;
            hasYear = true;
        }
        else if (sep == '-') return false;
        if (year is int yy && d > DateTime.DaysInMonth(yy, m)) return false;
        value = Iso(year, m, d);
        return true;
    }

    private static bool HasUpperOrDigit(ReadOnlySpan<char> t)
    {
        foreach (char c in t) if (char.IsUpper(c) || char.IsDigit(c)) return true;
        return false;
    }

    private static bool TryYear(ReadOnlySpan<char> t, out int year) =>
        int.TryParse(t, out year) && t.Length == 4 && year is >= 1900 and <= 2100;

    private static string? Iso(int? year, int month, int? day)
    {
        if (year is not int y) return null;
        return day is int d ? $"{y:D4}-{month:D2}-{d:D2}" : $"{y:D4}-{month:D2}";
    }
}
