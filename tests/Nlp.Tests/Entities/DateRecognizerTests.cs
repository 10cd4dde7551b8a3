using Nlp.Documents;

namespace Nlp.Tests.Entities;

public class DateRecognizerTests
{
    // Sentence, the DATE span by the guidelines, its value (null: relative or vague). Article date 2025-02-02.
    [Theory]
    [InlineData("Nvidia cung cấp R1 kể từ ngày 30.1.", "ngày 30.1", "2025-01-30")]
    [InlineData("Mô hình trình làng ngày 20.1 và gây sốt.", "ngày 20.1", "2025-01-20")]
    [InlineData("Hôm 31.1, cổ phiếu giảm mạnh.", "31.1", "2025-01-31")]
    [InlineData("Sự kiện diễn ra vào 15.3 tại Hà Nội.", "15.3", "2025-03-15")]
    [InlineData("Hợp đồng ký ngày 30/1/2025 tại Hà Nội.", "ngày 30/1/2025", "2025-01-30")]
    [InlineData("Ứng dụng ra mắt 30-1-2025 trên iOS.", "30-1-2025", "2025-01-30")]
    [InlineData("Thông tư có hiệu lực từ 12/3/2025.", "12/3/2025", "2025-03-12")]
    [InlineData("Báo cáo công bố ngày 5/2.", "ngày 5/2", "2025-02-05")]
    [InlineData("Từ 20/1, giá cước tăng.", "20/1", "2025-01-20")]
    [InlineData("Ngày 30 tháng 1 năm 2025, công ty niêm yết.", "Ngày 30 tháng 1 năm 2025", "2025-01-30")]
    [InlineData("Họ họp ngày 2 tháng 9 tại Hà Nội.", "ngày 2 tháng 9", "2025-09-02")]
    [InlineData("Ngày 1.12.2024, dịch vụ dừng hoạt động.", "Ngày 1.12.2024", "2024-12-01")]
    [InlineData("Tháng 12.2024, DeepSeek gây chú ý.", "Tháng 12.2024", "2024-12")]
    [InlineData("Doanh số tăng trong tháng 12.2024.", "tháng 12.2024", "2024-12")]
    [InlineData("Tháng 10/2024, hãng tung bản cập nhật.", "Tháng 10/2024", "2024-10")]
    [InlineData("Đến tháng 3 năm 2025, mạng 5G phủ sóng.", "tháng 3 năm 2025", "2025-03")]
    [InlineData("Hãng dự kiến bán máy vào tháng 3.", "tháng 3", "2025-03")]
    [InlineData("Sản phẩm lên kệ tháng 12-2024.", "tháng 12-2024", "2024-12")]
    [InlineData("Kế hoạch hoàn tất vào tháng 6 năm nay.", "tháng 6 năm nay", "2025-06")]
    [InlineData("Công ty thành lập năm 2023.", "năm 2023", "2023")]
    [InlineData("Năm 2024 là năm bản lề của AI.", "Năm 2024", "2024")]
    [InlineData("Thị trường dự kiến tăng trưởng năm nay.", "năm nay", null)]
    [InlineData("Doanh thu năm ngoái đạt kỷ lục.", "năm ngoái", null)]
    [InlineData("Hãng sẽ ra mắt chip mới năm tới.", "năm tới", null)]
    [InlineData("Lợi nhuận quý III/2025 tăng mạnh.", "quý III/2025", null)]
    [InlineData("Trong quý 2, doanh số giảm.", "quý 2", null)]
    [InlineData("Kết quả quý 3/2025 vượt kỳ vọng.", "quý 3/2025", null)]
    [InlineData("Số liệu quý 1 năm 2025 vừa công bố.", "quý 1 năm 2025", null)]
    [InlineData("Kết quả quý IV năm ngoái khả quan.", "quý IV năm ngoái", null)]
    [InlineData("Doanh thu quý này dự kiến đi ngang.", "quý này", null)]
    [InlineData("Doanh thu nửa đầu năm 2025 tăng 20%.", "nửa đầu năm 2025", null)]
    [InlineData("Nửa cuối năm nay sẽ khó khăn hơn.", "Nửa cuối năm nay", null)]
    [InlineData("Trong 6 tháng đầu năm, công ty lãi lớn.", "6 tháng đầu năm", null)]
    [InlineData("Lũy kế 9 tháng đầu năm 2025, doanh thu tăng.", "9 tháng đầu năm 2025", null)]
    [InlineData("Từ đầu năm nay, giá chip tăng.", "đầu năm nay", null)]
    [InlineData("Dự án hoàn thành cuối tháng 6.", "cuối tháng 6", null)]
    [InlineData("Từ cuối năm ngoái, DeepSeek gây ấn tượng.", "cuối năm ngoái", null)]
    [InlineData("Đầu tuần này, Microsoft tích hợp R1.", "Đầu tuần này", null)]
    [InlineData("Sản phẩm về Việt Nam giữa tháng 7.", "giữa tháng 7", null)]
    [InlineData("Hãng sẽ công bố kết quả cuối quý III/2025.", "cuối quý III/2025", null)]
    [InlineData("Cổ phiếu tăng từ đầu năm.", "đầu năm", null)]
    [InlineData("Apple công bố tuần trước.", "tuần trước", null)]
    [InlineData("Sự kiện diễn ra tuần này.", "tuần này", null)]
    [InlineData("Giá sẽ tăng từ tuần tới.", "tuần tới", null)]
    [InlineData("Giá cổ phiếu giảm hôm qua.", "hôm qua", null)]
    [InlineData("Hôm nay, Nvidia ra mắt chip mới.", "Hôm nay", null)]
    [InlineData("Sáng nay ngày hôm qua trùng lịch.", "ngày hôm qua", null)]
    [InlineData("Cùng ngày, Meta cũng công bố mô hình.", "Cùng ngày", null)]
    [InlineData("Doanh thu tăng 30% so với cùng kỳ năm trước.", "cùng kỳ năm trước", null)]
    [InlineData("Doanh thu tăng so với cùng kỳ năm ngoái.", "cùng kỳ năm ngoái", null)]
    [InlineData("Mô hình được phát triển trong hai tháng.", "hai tháng", null)]
    [InlineData("Startup này hoạt động được 3 năm.", "3 năm", null)]
    [InlineData("Trong 10 ngày qua, giá tăng.", "10 ngày qua", null)]
    [InlineData("Thị trường sẽ sôi động trong 5 năm tới.", "5 năm tới", null)]
    [InlineData("Giá chip tăng tháng trước.", "tháng trước", null)]
    [InlineData("Sản phẩm sẽ có mặt tháng tới.", "tháng tới", null)]
    [InlineData("Chỉ hai tháng sau khi ra mắt, ứng dụng đạt 1 triệu lượt tải.", "hai tháng", null)]
    [InlineData("Một ngày trước đó, Google công bố mô hình.", "Một ngày", null)]
    [InlineData("Hãng ra mắt máy hai tuần trước.", "hai tuần trước", null)]
    [InlineData("Cổ phiếu tăng 5% trong phiên 18.6.", "18.6", "2025-06-18")]
    [InlineData("Đây là cú sốc lớn nhất trong hai thập kỷ.", "hai thập kỷ", null)]
    [InlineData("Doanh thu trong tuần đầu tiên vượt kỳ vọng.", "tuần đầu tiên", null)]
    [InlineData("Giá sẽ giảm trong quý tiếp theo.", "quý tiếp theo", null)]
    [InlineData("Số liệu quý 4 năm tài chính 2024 khả quan.", "quý 4 năm tài chính 2024", null)]
    [InlineData("Trò chơi trở lại vào mùa hè năm nay.", "mùa hè năm nay", null)]
    [InlineData("Thỏa thuận hợp tác giai đoạn 2023 – 2025 được ký.", "2023 – 2025", null)]
    [InlineData("Đầu tư tăng mạnh trong thập kỷ qua.", "thập kỷ qua", null)]
    public void Finds_dates_with_their_values(string sentence, string span, string? value)
    {
        var d = TestPipeline.Run(sentence);
        var dates = d.Entities.Where(e => e.Type == EntityTypes.Date).ToList();
        var found = Assert.Single(dates);
        Assert.Equal(span, TestPipeline.InputText(d, found));
        Assert.Equal(value, found.Value);
    }

    [Theory]
    [InlineData("Gemini 2.5 Pro vượt GPT-4.5 ở nhiều bài thử.")]
    [InlineData("Tỷ lệ 1/3 người dùng chọn gói rẻ nhất.")]
    [InlineData("Hệ thống chạy 24/7 và phục vụ 5 triệu người dùng.")]
    [InlineData("Mô hình có 70 tỷ tham số, tăng 30%.")]
    [InlineData("Năm người sáng lập đã rời công ty.")]
    [InlineData("Cuộc họp bắt đầu lúc 8 giờ sáng.")]
    [InlineData("Giai đoạn tới, công ty tập trung vào AI.")]
    [InlineData("Bản cập nhật iOS 18.4 sửa nhiều lỗi.")]
    public void Does_not_take_versions_fractions_counts_or_times_for_dates(string sentence)
    {
        var d = TestPipeline.Run(sentence);
        Assert.DoesNotContain(d.Entities, e => e.Type == EntityTypes.Date);
    }

    [Fact]
    public void Without_an_article_date_day_and_month_carry_no_value()
    {
        var d = TestPipeline.Rules.Process("x", "Mô hình trình làng ngày 20.1 và bán từ 30/1/2025.", null);
        var dates = d.Entities.Where(e => e.Type == EntityTypes.Date).ToList();
        Assert.Equal(2, dates.Count);
        Assert.Null(dates[0].Value);
        Assert.Equal("2025-01-30", dates[1].Value);
    }

    [Fact]
    public void An_impossible_day_is_not_a_date()
    {
        var d = TestPipeline.Run("Hôm 31.2, giá tăng.");
        Assert.DoesNotContain(d.Entities, e => e.Type == EntityTypes.Date && e.Value is not null);
    }
}
