extension Templates {
    static let applicationTemplates: [String: String] = [
        "applications": applications,
        "application-new": newApplication,
        "application": application,
        "key-created": keyCreated,
    ]

    static let applications = """
        {{<layout}}{{$content}}
        {{#page}}
        <p><a class="button" href="/portal/applications/new" id="new-application">New application</a></p>
        {{^hasApplications}}<p class="muted">No applications yet.</p>{{/hasApplications}}
        {{#hasApplications}}
        <table>
        <thead><tr><th scope="col">Application</th><th scope="col">Plan</th><th scope="col">Institution</th><th scope="col">Platform</th><th scope="col">Keys</th></tr></thead>
        <tbody>
        {{#applications}}
        <tr><td><a href="/portal/applications/{{id}}">{{name}}</a></td><td>{{plan}}</td><td>{{institution}}</td><td>{{platform}}</td><td><code>{{keys}}</code></td></tr>
        {{/applications}}
        </tbody>
        </table>
        {{/hasApplications}}
        {{/page}}
        {{/content}}{{/layout}}
        """

    /// The fields shared by the new-application and edit forms.
    static let applicationFields = """
        <label for="app-name">Name</label>
        <input id="app-name" name="name" required maxlength="100" value="{{name}}" aria-describedby="app-name-help">
        <small id="app-name-help" class="help">At most 100 characters; the keys carry it as their label.</small>
        <label for="app-platform">Platform</label>
        <select id="app-platform" name="platform">{{#platforms}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/platforms}}</select>
        <label for="app-summary">Description</label>
        <textarea id="app-summary" name="summary" rows="3">{{summary}}</textarea>
        <fieldset>
        <legend>Permissions (at least one)</legend>
        <div class="grid">
        {{#areas}}
        <label for="area-{{value}}">{{title}}</label>
        <select id="area-{{value}}" name="area_{{value}}">
        <option value="">No access</option>
        <option value="ro"{{#readOnly}} selected{{/readOnly}}>Read-only</option>
        <option value="rw"{{#readWrite}} selected{{/readWrite}}>Read/write</option>
        </select>
        {{/areas}}
        </div>
        </fieldset>
        <label for="app-networks">IP restriction profile</label>
        <textarea id="app-networks" name="networks" rows="2" aria-describedby="app-networks-help">{{networks}}</textarea>
        <small id="app-networks-help" class="help">The CIDR blocks the keys may be used from (<code>192.0.2.0/24</code>), one per line; empty: from anywhere.</small>
        """

    static let newApplication = """
        {{<layout}}{{$content}}
        {{#page}}
        <form method="post" action="/portal/applications" class="stacked">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="app-plan">Plan (environment and institution)</label>
        <select id="app-plan" name="plan" aria-describedby="app-plan-help">{{#plans}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/plans}}</select>
        <small id="app-plan-help" class="help">The Guest Sandbox is open to every account and reads the demo data, GET only;
        a Sandbox needs membership of the organization, Production its administrator role.</small>
        {{#form}}\(applicationFields){{/form}}
        <button type="submit" id="create-application">Create the application and its key</button>
        </form>
        {{/page}}
        {{/content}}{{/layout}}
        """

    static let keyCreated = """
        {{<layout}}{{$content}}
        {{#page}}
        <p>This is the API key of <a href="/portal/applications/{{applicationID}}">{{applicationName}}</a>. Copy it now:
        it is shown only once; afterwards only its first characters are.</p>
        <p class="key" id="new-key">{{key}}</p>
        <p><button type="button" data-copy="new-key" hidden>Copy the key</button></p>
        <p>Try it: <code>curl '{{base}}/almaws/v1/users?limit=1&amp;format=json' -H 'Authorization: apikey {{key}}'</code></p>
        {{/page}}
        {{/content}}{{/layout}}
        """

    static let application = """
        {{<layout}}{{$content}}
        {{#page}}
        <p>{{plan}} · {{institution}} · {{platform}}. {{summary}}</p>
        <p><a href="/portal/usage?application={{id}}">Usage of this application</a> · <a href="/portal/console?application={{id}}">Use it in the API console</a></p>
        <section aria-labelledby="keys">
        <h2 id="keys">API keys</h2>
        <table>
        <thead><tr><th scope="col">Key</th><th scope="col">Status</th><th scope="col">Faults</th><th scope="col">Actions</th></tr></thead>
        <tbody>
        {{#keys}}
        <tr><td class="nowrap"><code>{{prefix}}…</code></td><td>{{status}}</td><td>{{faults}}</td>
        <td class="actions">
        {{#active}}
        <form class="inline" method="post" action="/portal/applications/{{applicationID}}/keys/{{id}}/rotate">
        <input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" data-confirm="Replace this key? The old one stops working at once.">Rotate</button>
        </form>
        <form class="inline" method="post" action="/portal/applications/{{applicationID}}/keys/{{id}}/revoke">
        <input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="danger" data-confirm="Revoke this key? It stops working at once.">Revoke</button>
        </form>
        {{/active}}
        </td></tr>
        {{/keys}}
        </tbody>
        </table>
        <form method="post" action="/portal/applications/{{id}}/keys">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" id="issue-key" aria-describedby="issue-key-help">Issue a new key</button>
        <small id="issue-key-help" class="help">With the application's settings; the key is shown once.</small>
        </form>
        </section>
        <section aria-labelledby="plan">
        <h2 id="plan">Plan</h2>
        <form method="post" action="/portal/applications/{{id}}/plan" class="stacked">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="change-plan">Plan (environment and institution)</label>
        <select id="change-plan" name="plan" aria-describedby="change-plan-help">{{#plans}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/plans}}</select>
        <small id="change-plan-help" class="help">A key belongs to one environment and institution for life: changing the plan revokes
        this application's keys and issues one new key on the new plan (shown once), with the same permissions
        (read-only on the Guest Sandbox). A Sandbox needs membership of the organization, Production its administrator role.</small>
        <button type="submit" id="change-plan-submit" data-confirm="Change the plan? The current keys stop working at once.">Change the plan</button>
        </form>
        </section>
        <section aria-labelledby="delete">
        <h2 id="delete">Delete this application</h2>
        <form method="post" action="/portal/applications/{{id}}/delete">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p class="check"><input id="confirm-delete" name="confirm" type="checkbox" value="yes" required> <label for="confirm-delete">Its keys stop working at once.</label></p>
        <button type="submit" class="danger" id="delete-application">Delete the application</button>
        </form>
        </section>
        {{#faultable}}
        <section aria-labelledby="faults">
        <h2 id="faults">Fault injection</h2>
        <p>Answer this application's next calls with a gateway fault, to test how your integration copes.
        Faults are kept in memory: a restart of the server clears them.</p>
        <form method="post" action="/portal/applications/{{id}}/faults" class="stacked">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="fault-kind">Fault</label>
        <select id="fault-kind" name="kind">
        <option value="per-second">429 PER_SECOND_THRESHOLD</option>
        <option value="daily">429 DAILY_THRESHOLD</option>
        <option value="routing">503 ROUTING_ERROR</option>
        </select>
        <label for="fault-mode">For</label>
        <select id="fault-mode" name="mode"><option value="next">the next N calls</option><option value="percent">a percentage of calls, until cleared</option></select>
        <label for="fault-value">N or percentage</label>
        <input id="fault-value" name="value" type="number" min="1" max="1000" value="5" required aria-describedby="fault-value-help">
        <small id="fault-value-help" class="help">At most 1000 calls, or 1 to 100 percent.</small>
        <button type="submit" id="inject-faults">Inject faults</button>
        </form>
        <form method="post" action="/portal/applications/{{id}}/faults/clear">
        <input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="secondary">Clear faults</button>
        </form>
        </section>
        {{/faultable}}
        <section aria-labelledby="log">
        <h2 id="log">Request log</h2>
        {{^hasLog}}<p class="muted">No calls yet.</p>{{/hasLog}}
        {{#hasLog}}
        <div class="scroll" role="region" aria-labelledby="log-caption" tabindex="0">
        <table class="log" id="request-log">
        <caption id="log-caption">The newest calls of this application's keys</caption>
        <thead><tr><th scope="col">Time (UTC)</th><th scope="col">Key</th><th scope="col">Method</th><th scope="col">Status</th><th scope="col">Error code</th><th scope="col">Latency</th><th scope="col">Path</th></tr></thead>
        <tbody>
        {{#log}}<tr><td class="nowrap">{{time}}</td><td class="nowrap"><code>{{key}}…</code></td><td class="nowrap">{{method}}</td><td class="nowrap">{{status}}</td><td class="nowrap">{{errorCode}}</td><td class="nowrap">{{latency}}</td><td class="path"><code>{{path}}</code></td></tr>{{/log}}
        </tbody>
        </table>
        </div>
        {{/hasLog}}
        </section>
        <section aria-labelledby="settings">
        <h2 id="settings">Settings</h2>
        <form method="post" action="/portal/applications/{{id}}" class="stacked">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#form}}\(applicationFields){{/form}}
        <button type="submit" id="save-application">Save; the keys follow at once</button>
        </form>
        </section>
        {{/page}}
        {{/content}}{{/layout}}
        """
}
