/**
 * The template the reporting database starts with (version 1, written by its first migration).
 * Officers change it through saveReportTemplate; each save is a new version, this one stays.
 * Wording only: every number comes from the values of draftValues.ts through a filter.
 */
export const FIRST_TEMPLATE = `# BÁO CÁO TÌNH HÌNH KINH TẾ TẬP THỂ, HỢP TÁC XÃ {{ period.name | upcase }}

Địa bàn: {{ territory.name }}. Số liệu tính đến ngày {{ period.to }}, tổng hợp từ cơ sở dữ liệu kinh tế tập thể của tỉnh.

## I. Tình hình chung

Đến ngày {{ period.to }}, trên {{ territory.name }} có {{ current.cooperativeCount | number }} HTX ({{ current.cooperativeCount | change: lastYear.figures.cooperativeCount, "HTX", lastYear.name }}), {{ current.cooperativeGroupCount | number }} tổ hợp tác với {{ current.memberCount | number }} thành viên ({{ current.memberCount | change: lastYear.figures.memberCount, "thành viên", lastYear.name }}) và {{ current.unionCount | count2 }} Liên hiệp HTX với {{ current.unionMemberCooperativeCount | number }} HTX thành viên tham gia. Trong đó có {{ current.newModelCooperativeCount | number }} HTX kiểu mới.

Số HTX {{ current.cooperativeCount | change: previous.figures.cooperativeCount, "HTX", previous.name }}; số thành viên {{ current.memberCount | change: previous.figures.memberCount, "thành viên", previous.name }}.

{{ chart | raw }}

### Số HTX theo lĩnh vực

| Lĩnh vực | Số HTX | HTX khá, tốt |
|---|---:|---:|
{%- for row in bySector %}
| {{ row.name }} | {{ row.cooperativeCount | number }} | {{ row.goodOrFairCount | number }} |
{%- endfor %}

### Số HTX theo {{ areaUnit }}

| Đơn vị | Số HTX | HTX khá, tốt |
|---|---:|---:|
{%- for row in byArea %}
| {{ row.name }} | {{ row.cooperativeCount | number }} | {{ row.goodOrFairCount | number }} |
{%- endfor %}

## II. Kết quả thực hiện {{ period.name }}

- Vận động thành lập mới {{ current.newCooperativeCount | number }} HTX ({{ current.newCooperativeCount | change: lastYear.figures.newCooperativeCount, "HTX", lastYear.name }}); giải thể {{ current.dissolvedCooperativeCount | count2 }} HTX.
- Mở {{ current.stateManagementClassCount | count2 }} lớp bồi dưỡng nghiệp vụ quản lý nhà nước về kinh tế tập thể cho cán bộ chủ chốt cấp xã ({{ current.stateManagementClassCount | change: lastYear.figures.stateManagementClassCount, "lớp", lastYear.name }}).
- Mở {{ current.outreachClassCount | number }} lớp tuyên truyền, truyền nghề ({{ current.outreachClassCount | change: lastYear.figures.outreachClassCount, "lớp", lastYear.name }}).
- Kết nạp thêm {{ current.newAllianceMemberCount | count2 }} thành viên mới vào Liên minh HTX tỉnh.
- Tổ chức {{ current.tradePromotionProgramCount | count2 }} chương trình xúc tiến thương mại; {{ current.tradePromotionSupportedCooperativeCount | number }} HTX được hỗ trợ tham gia{% if tradePromotionByProvince.size > 0 %}, trong đó:{% for row in tradePromotionByProvince %} {{ row.cooperativeCount | number }} HTX tại {{ row.province }}{% unless forloop.last %};{% endunless %}{% endfor %}{% endif %}.
- Có {{ current.ocopProductCount | number }} sản phẩm OCOP còn hiệu lực.
- Quỹ hỗ trợ phát triển hợp tác xã đầu tư hỗ trợ vốn cho {{ current.fundedProjectCount | number }} dự án ({{ current.fundedProjectCount | change: lastYear.figures.fundedProjectCount, "dự án", lastYear.name }}), giải ngân {{ current.fundDisbursedAmount | money }}; dư nợ cuối kỳ {{ current.fundOutstandingPrincipal | money }}.

### Dư nợ của Quỹ theo nhóm nợ

| Nhóm nợ | Số khoản vay | Dư nợ |
|---|---:|---:|
{%- for row in fund.byDebtGroup %}
| {{ row.name }} | {% if row.suppressed and row.loanCount == nil %}(không công bố){% else %}{{ row.loanCount | number }}{% endif %} | {% if row.suppressed and row.principalOutstanding == nil %}(không công bố){% else %}{{ row.principalOutstanding | money }}{% endif %} |
{%- endfor %}

Tỷ lệ nợ quá hạn trên 30 ngày: {{ fund.par30Ratio | percent }}.

## III. Xếp loại HTX

Có {{ current.goodOrFairCount | number }} HTX xếp loại khá, tốt ({{ current.goodOrFairCount | change: lastYear.figures.goodOrFairCount, "HTX", lastYear.name }}; {{ current.goodOrFairCount | change: previous.figures.goodOrFairCount, "HTX", previous.name }}).

| Xếp loại | Số HTX |
|---|---:|
{%- for row in ratings %}
| {{ row.name }} | {{ row.cooperativeCount | number }} |
{%- endfor %}
{% if published.size > 0 %}
## IV. Đối chiếu số liệu đã công bố

| Chỉ tiêu | Đã công bố | Từ cơ sở dữ liệu | Chênh lệch |
|---|---:|---:|---:|
{%- for row in published %}
| {{ row.name }} | {{ row.publishedValue | number }} | {{ row.derivedValue | number }} | {{ row.difference | number }} |
{%- endfor %}
{% endif %}
## Khó khăn, hạn chế

{% if narrative.difficulties != blank %}{{ narrative.difficulties | raw }}{% else %}*(Cán bộ bổ sung trước khi xuất bản.)*{% endif %}

## Nhiệm vụ trọng tâm kỳ tới

{% if narrative.nextTasks != blank %}{{ narrative.nextTasks | raw }}{% else %}*(Cán bộ bổ sung trước khi xuất bản.)*{% endif %}
`;
