extension Templates {
    /// The progress of a sandbox reset; while it runs, the layout's refresh reloads it.
    static let sandboxReset = """
        {{<layout}}{{$content}}
        {{#page}}
        {{#running}}
        <div id="reset-state" role="status">
        <p><label for="reset-progress">The {{code}} sandbox is being reset (started {{time}} UTC).</label></p>
        <progress id="reset-progress"></progress>
        <p class="muted">A reset takes about ten seconds. This page checks again by itself every few seconds;
        you can also <a href="/portal/organizations/{{code}}/sandbox/reset">check now</a>.</p>
        </div>
        {{/running}}
        {{#done}}
        <p class="notice" role="status" id="reset-state">The {{code}} sandbox holds the demo data again (finished {{time}} UTC).</p>
        {{/done}}
        {{#none}}<p id="reset-state">No sandbox reset has run since the server started.</p>{{/none}}
        <p><a href="/portal/organizations/{{code}}">Back to the organization</a></p>
        {{/page}}
        {{/content}}{{/layout}}
        """
}
