using Nlp.Documents;

namespace Nlp.Tests.Entities;

public class MoneyRecognizerTests
{
    [Theory]
    [InlineData("Startup gọi vốn 6 triệu USD.", "6 triệu USD", "6000000", "USD")]
    [InlineData("Họ đầu tư 500 tỉ USD vào AI.", "500 tỉ USD", "500000000000", "USD")]
    [InlineData("Dự án trị giá 1,5 tỷ đồng.", "1,5 tỷ đồng", "1500000000", "VND")]
    [InlineData("Vé có giá 20.000 đồng.", "20.000 đồng", "20000", "VND")]
    [InlineData("Công ty lãi 2.000 tỷ đồng.", "2.000 tỷ đồng", "2000000000000", "VND")]
    [InlineData("Máy có giá $199 tại Mỹ.", "$199", "199", "USD")]
    [InlineData("Giá chỉ $20 mỗi tháng.", "$20", "20", "USD")]
    [InlineData("Gói Plus có giá 29,99 USD/tháng.", "29,99 USD/tháng", "29.99", "USD")]
    [InlineData("Gói Pro giá 99 USD/tháng.", "99 USD/tháng", "99", "USD")]
    [InlineData("Vốn hóa đạt 3 nghìn tỷ USD.", "3 nghìn tỷ USD", "3000000000000", "USD")]
    [InlineData("EU phạt 10 triệu euro.", "10 triệu euro", "10000000", "EUR")]
    [InlineData("Khoản vay 1 tỷ nhân dân tệ.", "1 tỷ nhân dân tệ", "1000000000", "CNY")]
    [InlineData("Phí dịch vụ là 120.000 VNĐ.", "120.000 VNĐ", "120000", "VND")]
    [InlineData("Họ chi 5 triệu đô la cho quảng cáo.", "5 triệu đô la", "5000000", "USD")]
    [InlineData("Mức phạt 450 triệu VND.", "450 triệu VND", "450000000", "VND")]
    [InlineData("Sony thu 2 tỷ yen.", "2 tỷ yen", "2000000000", "JPY")]
    [InlineData("Lương 35 triệu won mỗi năm.", "35 triệu won", "35000000", "KRW")]
    [InlineData("Cổ phiếu đóng cửa ở 131,5 USD.", "131,5 USD", "131.5", "USD")]
    [InlineData("Giá 150 USD/cổ phiếu là mức cao.", "150 USD/cổ phiếu", "150", "USD")]
    [InlineData("Gói cước 70.000 đồng/tháng.", "70.000 đồng/tháng", "70000", "VND")]
    [InlineData("Chiếc máy giá 1.299 USD.", "1.299 USD", "1299", "USD")]
    [InlineData("Khoản đầu tư $1,5 tỷ gây chú ý.", "$1,5 tỷ", "1500000000", "USD")]
    [InlineData("Apple bán máy với giá $1,299 tại Mỹ.", "$1,299", "1299", "USD")]
    [InlineData("Giá vé 500.000đ một người.", "500.000đ", "500000", "VND")]
    [InlineData("Doanh thu 2,5 nghìn tỷ đồng.", "2,5 nghìn tỷ đồng", "2500000000000", "VND")]
    [InlineData("Phí 700 triệu đồng/năm cho doanh nghiệp.", "700 triệu đồng/năm", "700000000", "VND")]
    [InlineData("Thương vụ trị giá 200 triệu euro.", "200 triệu euro", "200000000", "EUR")]
    [InlineData("Doanh thu 4,2 tỷ nhân dân tệ.", "4,2 tỷ nhân dân tệ", "4200000000", "CNY")]
    [InlineData("Họ chi 15 USD mỗi tháng.", "15 USD", "15", "USD")]
    [InlineData("Bảo tàng nhận 3 triệu bảng Anh.", "3 triệu bảng Anh", "3000000", "GBP")]
    [InlineData("Công ty chi 2 triệu đô la Mỹ.", "2 triệu đô la Mỹ", "2000000", "USD")]
    [InlineData("Quỹ rót 12 triệu đô la Singapore.", "12 triệu đô la Singapore", "12000000", "SGD")]
    [InlineData("Chi phí chỉ 5,6 triệu USD để đào tạo.", "5,6 triệu USD", "5600000", "USD")]
    [InlineData("Giá trị thương vụ khoảng 69 tỷ USD.", "69 tỷ USD", "69000000000", "USD")]
    [InlineData("Tài sản hơn 100 triệu euro.", "100 triệu euro", "100000000", "EUR")]
    [InlineData("Giá bán €999 tại châu Âu.", "€999", "999", "EUR")]
    [InlineData("Giá khởi điểm 24,99 triệu đồng.", "24,99 triệu đồng", "24990000", "VND")]
    [InlineData("Thu về 800 nghìn đồng mỗi ngày.", "800 nghìn đồng", "800000", "VND")]
    [InlineData("Mức giá 3 trăm triệu đồng.", "3 trăm triệu đồng", "300000000", "VND")]
    [InlineData("Khoản phạt 7,5 triệu USD được công bố.", "7,5 triệu USD", "7500000", "USD")]
    public void Finds_money_with_amount_and_currency(string sentence, string span, string amount, string currency)
    {
        var d = TestPipeline.Run(sentence);
        var found = Assert.Single(d.Entities, e => e.Type == EntityTypes.Money);
        Assert.Equal(span, TestPipeline.InputText(d, found));
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), found.Amount);
        Assert.Equal(currency, found.Currency);
    }

    [Theory]
    [InlineData("Nvidia giao 2.000 chip cho khách hàng.")]
    [InlineData("Ứng dụng có 5 triệu người dùng.")]
    [InlineData("Thị phần tăng 30% trong năm.")]
    [InlineData("Mô hình có 70 tỷ tham số.")]
    [InlineData("Công ty có 1.200 nhân viên.")]
    [InlineData("Cửa hàng bán 20.000 đồng hồ thông minh.")]
    [InlineData("Dân số 10 triệu đô thị hóa nhanh.")]
    public void Numbers_that_are_not_money_are_left_alone(string sentence)
    {
        var d = TestPipeline.Run(sentence);
        Assert.DoesNotContain(d.Entities, e => e.Type == EntityTypes.Money);
    }
}
