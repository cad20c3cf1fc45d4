/// A bar chart as inline SVG (see `MinuteChart`): no script, styled by the stylesheet.
enum ChartTemplate {
    static let text = """
    <svg class="chart {{tone}}" viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}" role="img" aria-label="{{label}}"><title>{{label}}</title>\
    <line class="axis" x1="0" y1="{{height}}" x2="{{width}}" y2="{{height}}"/>\
    {{#bars}}<rect x="{{x}}" y="{{y}}" width="{{barWidth}}" height="{{height}}"><title>{{detail}}</title></rect>{{/bars}}</svg>\
    <span class="chart-caption">{{#idle}}none in the {{span}}{{/idle}}{{^idle}}{{total}} in the {{span}} · peak {{peak}} {{per}}{{/idle}}</span>
    """
}
