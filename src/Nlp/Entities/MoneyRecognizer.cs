using Nlp.Documents;

namespace Nlp.Entities;

/// <summary>
/// Finds MONEY by the guidelines: a number, its scale words and its currency, with an attached
/// rate unit (<c>29,99 USD/tháng</c>), or a currency sign before the number (<c>$199</c>). A number with
/// no currency (<c>2.000 chip</c>, <c>5 triệu người dùng</c>) is not money. Gives the amount and ISO 4217 code.
/// </summary>
internal static class MoneyRecognizer
{
    private readonly record struct CurrencyForm(string[] Words, string Code);

    // Longest forms first, so that "đô la Mỹ" wins over "đô la" and "đô".
    private static readonly CurrencyForm[] Currencies = new CurrencyForm[]
    {
        new(["đô", "la", "Mỹ"], "USD"), new(["đô", "la", "Singapore"], "SGD"), new(["đô", "la", "Úc"], "AUD"),
        new(["đô", "la", "Hồng", "Kông"], "HKD"), new(["nhân", "dân", "tệ"], "CNY"),
        new(["đô", "la"], "USD"), new(["bảng", "Anh"], "GBP"), new(["Đài", "tệ"], "TWD"),
        new(["USD"], "USD"), new(["US$"], "USD"), new(["$"], "USD"), new(["đô-la"], "USD"), new(["đôla"], "USD"), new(["đô"], "USD"),
        new(["đồng"], "VND"), new(["VND"], "VND"), new(["VNĐ"], "VND"), new(["đ"], "VND"), new(["₫"], "VND"),
        new(["euro"], "EUR"), new(["EUR"], "EUR"), new(["€"], "EUR"),
        new(["NDT"], "CNY"), new(["CNY"], "CNY"), new(["tệ"], "CNY"),
        new(["yen"], "JPY"), new(["yên"], "JPY"), new(["JPY"], "JPY"), new(["¥"], "JPY"),
        new(["won"], "KRW"), new(["KRW"], "KRW"), new(["₩"], "KRW"),
        new(["GBP"], "GBP"), new(["£"], "GBP"), new(["SGD"], "SGD"), new(["AUD"], "AUD"), new(["CAD"], "CAD"),
        new(["HKD"], "HKD"), new(["TWD"], "TWD"), new(["CHF"], "CHF"), new(["INR"], "INR"), new(["rupee"], "INR"),
        new(["THB"], "THB"), new(["baht"], "THB"), new(["rúp"], "RUB"), new(["RUB"], "RUB"), new(["ringgit"], "MYR"),
        new(["IDR"], "IDR"), new(["rupiah"], "IDR"), new(["peso"], "PHP"),
    };

    private static readonly (string Sign, string Code)[] PrefixSigns = [("US$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₩", "KRW")];

    /// <summary>Rate units of two syllables that follow a slash: <c>USD/cổ phiếu</c>.</summary>
    private static readonly (string, string)[] TwoSyllableUnits = [("cổ", "phiếu"), ("người", "dùng"), ("thuê", "bao"), ("thành", "viên"), ("tài", "khoản")];

    /// <summary>Tries to read MONEY starting at token k; returns the end token (exclusive) or -1.</summary>
    public static int Match(TokenWindow w, int k, out decimal amount, out string currency)
    {
        amount = 0;
        currency = "";
        int i = k;
        string? prefix = null;
        foreach (var (sign, code) in PrefixSigns)
        {
            if (w.Is(i, sign) || (sign == "US$" && w.Is(i, "US") && w.Is(i + 1, "$") && w.Glued(i + 1)))
            {
                prefix = code;
                i += sign == "US$" && w.Is(i, "US") ? 2 : 1;
                break;
            }
        }
        if (!w.IsKind(i, TokenKind.Number) || !NumberParser.TryParse(w.Text(i), out decimal number, englishGrouping: prefix == "USD")) return -1;
        if (w.Text(i)[^1] == '%') return -1;
        i++;
        number *= ReadScale(w, ref i);

        if (prefix is not null)
        {
            amount = number;
            currency = prefix;
            return ReadRateUnit(w, i);
        }

        int afterCurrency = MatchCurrency(w, i, out currency);
        if (afterCurrency < 0) return -1;
        amount = number;
        return ReadRateUnit(w, afterCurrency);
    }

    private static decimal ReadScale(TokenWindow w, ref int i)
    {
        decimal scale = 1;
        while (w.Has(i))
        {
            decimal s = w.Text(i) switch
            {
                "nghìn" or "ngàn" or "Nghìn" or "Ngàn" => 1_000m,
                "triệu" or "Triệu" => 1_000_000m,
                "tỷ" or "tỉ" or "Tỷ" or "Tỉ" => 1_000_000_000m,
                "trăm" when scale == 1 => 100m,
                _ => 0m,
            };
            if (s == 0) break;
            scale *= s;
            i++;
        }
        return scale;
    }

    private static int MatchCurrency(TokenWindow w, int i, out string code)
    {
        foreach (var form in Currencies)
        {
            int j = i;
            bool ok = true;
            foreach (var word in form.Words)
            {
                if (!w.Is(j, word)) { ok = false; break; }
                j++;
            }
            if (!ok) continue;
            // "đồng hồ" is a watch and "đô thị" a city; a bare "đ" must be glued to the number.
            if (form.Code == "VND" && w.Is(i, "đồng") && w.Is(i + 1, "hồ")) continue;
            if (form.Words is ["đ"] && !w.Glued(i)) continue;
            if (form.Words is ["đô"] && w.Is(i + 1, "thị")) continue;
            code = form.Code;
            return j;
        }
        code = "";
        return -1;
    }

    private static int ReadRateUnit(TokenWindow w, int i)
    {
        for (int units = 0; units < 2; units++)
        {
            if (!(w.Is(i, "/") && w.Glued(i) && w.IsKind(i + 1, TokenKind.Word) && w.Glued(i + 1))) break;
            int next = i + 2;
            foreach (var (a, b) in TwoSyllableUnits)
                if (w.Is(i + 1, a) && w.Is(i + 2, b)) { next = i + 3; break; }
            i = next;
        }
        return i;
    }
}
