extension Templates {
    static let consoleTemplates: [String: String] = ["console": console]

    /// The chooser on top; below it the operation's form and, beside it on a wide screen (below
    /// it on a narrow one), the answer.
    static let console = """
        {{<layout}}{{$content}}
        {{#page}}
        <p>Every operation here comes from the <a href="/openapi">OpenAPI documents</a> Lectern generates from its own routes.
        Calls run through the gateway with the key you pick, so they count against its thresholds and show in its log.</p>
        <form method="get" action="/portal/console" class="stacked">
        <label for="console-area">API area</label>
        <select id="console-area" name="area" data-autosubmit>{{#areas}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/areas}}</select>
        {{#hasOperations}}
        <label for="console-operation">Operation</label>
        <select id="console-operation" name="operation" data-autosubmit>{{#operations}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/operations}}</select>
        {{/hasOperations}}
        <button type="submit" id="console-choose">Choose</button>
        </form>
        {{^hasOperations}}<p id="console-no-operations">A key can be granted {{areaTitle}}, but Lectern serves no operation of this area yet.</p>{{/hasOperations}}
        <div class="console">
        <div class="console-call">
        {{#operation}}
        <h2><code>{{method}} {{path}}</code></h2>
        <p>{{summary}}</p>
        {{^hasKeys}}<p class="error">You have no active key for this area. <a href="/portal/applications/new">Create an application</a> first.</p>{{/hasKeys}}
        {{#hasKeys}}
        {{#loadsSample}}
        <form method="get" action="/portal/console" class="stacked" id="console-load">
        <input type="hidden" name="area" value="{{area}}">
        <input type="hidden" name="operation" value="{{id}}">
        {{#keys}}{{#selected}}<input type="hidden" name="key" value="{{value}}">{{/selected}}{{/keys}}
        <p>To start the body from a record of the demo data, give its identifiers:</p>
        {{#sampleLoader}}
        <label for="load-{{field}}">{{name}}</label>
        <input id="load-{{field}}" name="{{field}}" value="{{value}}" required aria-describedby="load-help-{{field}}">
        <small id="load-help-{{field}}" class="help">{{description}}</small>
        {{/sampleLoader}}
        <button type="submit" class="secondary" id="console-load-sample">Load the record into the body</button>
        </form>
        {{/loadsSample}}
        <form method="post" action="/portal/console" class="stacked">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="area" value="{{area}}">
        <input type="hidden" name="operation" value="{{id}}">
        <label for="console-key">API key</label>
        <select id="console-key" name="key">{{#keys}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/keys}}</select>
        {{#parameters}}
        <label for="param-{{field}}">{{name}} <span class="muted">({{location}}{{#required}}, required{{/required}})</span></label>
        {{#hasChoices}}<select id="param-{{field}}" name="{{field}}" aria-describedby="help-{{field}}"><option value="">(not sent)</option>{{#choices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/choices}}</select>{{/hasChoices}}
        {{^hasChoices}}<input id="param-{{field}}" name="{{field}}" value="{{value}}"{{#required}} required{{/required}} aria-describedby="help-{{field}}">{{/hasChoices}}
        <small id="help-{{field}}" class="help">{{description}}</small>
        {{/parameters}}
        {{#hasBody}}
        <label for="console-content-type">Body format</label>
        <select id="console-content-type" name="content_type">{{#bodyFormats}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/bodyFormats}}</select>
        <label for="console-body">Body</label>
        <textarea id="console-body" name="body" rows="14" aria-describedby="console-body-help">{{body}}</textarea>
        {{#sampleSource}}<small id="console-body-help" class="help">A sample from the demo data: what <code>{{sampleSource}}</code> answers with this key.
        {{#sampleReplaces}}Change what you need: a PUT replaces the whole record with what you send (swap all).{{/sampleReplaces}}
        {{^sampleReplaces}}Change its identifiers (and what you need) to create a new record.{{/sampleReplaces}}</small>{{/sampleSource}}
        {{^sampleSource}}<small id="console-body-help" class="help">The object to send, in the body format chosen above.</small>{{/sampleSource}}
        {{/hasBody}}
        <button type="submit" id="console-execute">Execute</button>
        </form>
        {{/hasKeys}}
        {{/operation}}
        </div>
        <div class="console-answer">
        {{^result}}{{#operation}}<p class="muted" id="console-waiting">The answer appears here once you execute the call.</p>{{/operation}}{{/result}}
        {{#result}}
        <section aria-labelledby="result">
        <h2 id="result">Answer</h2>
        <p>Status: <span id="console-status" class="{{statusClass}}">{{status}}</span></p>
        <h3>Body</h3>
        <pre id="console-body-out">{{body}}</pre>
        <h3>Headers</h3>
        <div class="scroll"><table id="console-headers"><tbody>{{#headers}}<tr><th scope="row" class="nowrap">{{name}}</th><td><code>{{value}}</code></td></tr>{{/headers}}</tbody></table></div>
        <p class="muted">The same call in code: set <code>LECTERN_KEY</code> in your environment to the key of {{keyLabel}}.</p>
        <h3>curl</h3>
        <pre id="console-curl">{{curl}}</pre>
        <p><button type="button" data-copy="console-curl" hidden>Copy</button></p>
        <h3>Python (requests)</h3>
        <pre id="console-python">{{python}}</pre>
        <p><button type="button" data-copy="console-python" hidden>Copy</button></p>
        <h3>JavaScript (fetch)</h3>
        <pre id="console-javascript">{{javascript}}</pre>
        <p><button type="button" data-copy="console-javascript" hidden>Copy</button></p>
        </section>
        {{/result}}
        </div>
        </div>
        {{/page}}
        {{/content}}{{/layout}}
        """
}
