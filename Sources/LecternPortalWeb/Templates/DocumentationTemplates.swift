extension Templates {
    static let documentationTemplates: [String: String] = ["docs": documentationIndex, "docs-area": documentationArea]

    static let documentationIndex = """
        {{<layout}}{{$content}}
        {{#page}}
        <p>Every operation Lectern serves, with its parameters, the objects it reads and answers and the errors it gives,
        generated from the same route declarations that serve the API. The same in machine-readable form: the
        <a href="/openapi">OpenAPI documents</a>.</p>
        {{#products}}
        <section aria-labelledby="product-{{name}}">
        <h2 id="product-{{name}}">{{name}}</h2>
        <ul class="areas">{{#areas}}<li><a href="/portal/docs/{{name}}">{{title}}</a> <span class="muted">({{operations}})</span></li>{{/areas}}</ul>
        </section>
        {{/products}}
        {{/page}}
        {{/content}}{{/layout}}
        """

    static let documentationArea = """
        {{<layout}}{{$content}}
        {{#page}}
        <p>Bodies in {{formats}}. Send an API key as the <code>apikey</code> query parameter or as the header
        <code>Authorization: apikey KEY</code>. Machine-readable: <a href="/openapi/{{name}}.json">/openapi/{{name}}.json</a>.
        <a href="/portal/docs">All areas</a>.</p>
        {{^hasOperations}}<p>Lectern does not serve this area's operations yet.</p>{{/hasOperations}}
        {{#hasOperations}}
        <h2 id="operations">Operations</h2>
        <ul class="toc" aria-labelledby="operations">{{#operations}}<li><a href="#{{id}}"><code>{{method}} {{path}}</code></a></li>{{/operations}}</ul>
        {{/hasOperations}}
        {{#operations}}
        <section class="operation" id="{{id}}" aria-labelledby="{{id}}-title">
        <h2 id="{{id}}-title"><code>{{method}} {{path}}</code></h2>
        <p>{{summary}}</p>
        {{#hasParameters}}
        <div class="scroll"><table class="parameters">
        <caption>Parameters</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Default</th><th scope="col">Allowed</th><th scope="col">Description</th></tr></thead>
        <tbody>{{#parameters}}<tr><td><code>{{name}}</code></td><td>{{location}}</td><td>{{#required}}yes{{/required}}{{^required}}no{{/required}}</td><td><code>{{defaultValue}}</code></td><td>{{allowed}}</td><td>{{description}}</td></tr>{{/parameters}}</tbody>
        </table></div>
        {{/hasParameters}}
        {{#body}}<p>Body: {{body}}{{#request}}, the object <a href="#object-{{request}}"><code>{{request}}</code></a>{{/request}}.</p>{{/body}}
        <p>Answer: {{answer}}{{#response}}, the object <a href="#object-{{response}}"><code>{{response}}</code></a>{{/response}}.</p>
        {{#hasErrors}}
        <div class="scroll"><table class="errors">
        <caption>Errors (400, besides the gateway's)</caption>
        <thead><tr><th scope="col">Code</th><th scope="col">Message</th></tr></thead>
        <tbody>{{#errors}}<tr><td><code>{{code}}</code></td><td>{{message}}</td></tr>{{/errors}}</tbody>
        </table></div>
        {{/hasErrors}}
        </section>
        {{/operations}}
        {{#objects}}
        <section class="object" id="object-{{name}}" aria-labelledby="object-{{name}}-title">
        <h2 id="object-{{name}}-title">The object <code>{{name}}</code></h2>
        <p>{{summary}}.{{#listOf}} Each item is a <a href="#object-{{listOf}}"><code>{{listOf}}</code></a>.{{/listOf}}</p>
        <div class="scroll"><table class="members">
        <caption>Members</caption>
        <thead><tr><th scope="col">JSON</th><th scope="col">XML</th><th scope="col">Type</th><th scope="col">Note</th></tr></thead>
        <tbody>{{#members}}<tr><td><code>{{json}}</code></td><td><code>{{xml}}</code></td><td>{{type}}</td><td>{{note}}</td></tr>{{/members}}</tbody>
        </table></div>
        {{#exampleXML}}<h3>Example in XML (from the demo data)</h3><pre class="example">{{exampleXML}}</pre>{{/exampleXML}}
        {{#exampleJSON}}<h3>Example in JSON (from the demo data)</h3><pre class="example">{{exampleJSON}}</pre>{{/exampleJSON}}
        </section>
        {{/objects}}
        {{/page}}
        {{/content}}{{/layout}}
        """
}
