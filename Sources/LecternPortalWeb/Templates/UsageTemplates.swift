extension Templates {
    static let usageTemplates: [String: String] = ["usage": usage]

    static let usage = """
        {{<layout}}{{$content}}
        {{#page}}
        <form method="get" action="/portal/usage" class="inline">
        <label for="usage-scope">Show</label>
        <select id="usage-scope" name="scope" data-autosubmit>
        {{#scopes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/scopes}}
        </select>
        <button type="submit">Show</button>
        </form>
        <h2>Calls per day, last 30 days (GMT)</h2>
        <p>Calls: <span id="total-calls">{{totalCalls}}</span> · refused with 429: <span id="throttled-calls">{{throttledCalls}}</span> · errors are drawn in red.</p>
        {{{chart}}}
        <h2>Calls per area</h2>
        <table id="calls-per-area">
        <thead><tr><th scope="col">Area</th><th scope="col">Calls</th></tr></thead>
        <tbody>{{#areas}}<tr><td>{{area}}</td><td>{{calls}}</td></tr>{{/areas}}</tbody>
        </table>
        <h2>Errors by code</h2>
        <table id="errors-by-code">
        <thead><tr><th scope="col">Status</th><th scope="col">Error code</th><th scope="col">Calls</th></tr></thead>
        <tbody>{{#errors}}<tr><td>{{status}}</td><td>{{code}}</td><td>{{calls}}</td></tr>{{/errors}}</tbody>
        </table>
        <h2>Daily thresholds today</h2>
        <table id="quotas">
        <thead><tr><th scope="col">Institution</th><th scope="col">Product</th><th scope="col">Threshold</th><th scope="col">Remaining</th></tr></thead>
        <tbody>{{#quotas}}<tr><td>{{institution}}</td><td>{{product}}</td><td>{{threshold}}</td><td>{{remaining}}</td></tr>{{/quotas}}</tbody>
        </table>
        <h2>Calls per day</h2>
        <table>
        <thead><tr><th scope="col">Day</th><th scope="col">Calls</th><th scope="col">Errors</th></tr></thead>
        <tbody>{{#perDay}}<tr><td>{{day}}</td><td>{{calls}}</td><td>{{errors}}</td></tr>{{/perDay}}</tbody>
        </table>
        {{/page}}
        {{/content}}{{/layout}}
        """
}
