extension Templates {
    static let organization = """
        {{<layout}}{{$content}}
        {{#page}}
        <section aria-labelledby="licence">
        <h2 id="licence">{{name}} ({{code}})</h2>
        <p>Your role: <strong>{{role}}</strong>. Region: {{region}}.</p>
        <table>
        <caption>Licence counts and the daily thresholds they give</caption>
        <thead><tr><th scope="col">Product</th><th scope="col">Licence count</th><th scope="col">Daily threshold</th></tr></thead>
        <tbody>
        {{#licences}}<tr><td>{{product}}</td><td>{{count}}</td><td>{{threshold}}</td></tr>{{/licences}}
        </tbody>
        </table>
        </section>
        {{#admin}}
        <section aria-labelledby="members">
        <h2 id="members">Developers</h2>
        <table>
        <thead><tr><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Actions</th></tr></thead>
        <tbody>
        {{#members}}
        <tr><td>{{name}}</td><td>{{email}}</td><td>{{role}}</td>
        <td class="actions">
        <form class="inline" method="post" action="/portal/organizations/{{code}}/members/{{id}}/role">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="role" value="{{otherRole}}">
        <label for="role-apps-{{id}}" class="visually-hidden">Their Production applications</label>
        <select id="role-apps-{{id}}" name="applications"><option value="revoke">Revoke their Production keys</option>{{#heirs}}<option value="handover:{{id}}">Hand them to {{name}}</option>{{/heirs}}</select>
        <button type="submit">Make {{otherRole}}</button>
        </form>
        <form class="inline" method="post" action="/portal/organizations/{{code}}/members/{{id}}/remove">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="remove-apps-{{id}}" class="visually-hidden">Their applications</label>
        <select id="remove-apps-{{id}}" name="applications"><option value="revoke">Revoke their keys</option>{{#heirs}}<option value="handover:{{id}}">Hand their applications to {{name}}</option>{{/heirs}}</select>
        <button type="submit" class="danger">Remove</button>
        </form>
        </td></tr>
        {{/members}}
        </tbody>
        </table>
        <h3>Applications and keys</h3>
        <table id="organization-applications">
        <thead><tr><th scope="col">Application</th><th scope="col">Owner</th><th scope="col">Environment</th><th scope="col">Keys</th></tr></thead>
        <tbody>
        {{#applications}}<tr><td><a href="/portal/applications/{{id}}">{{name}}</a></td><td>{{owner}}</td><td>{{environment}}</td><td>{{activeKeys}} active, {{revokedKeys}} revoked</td></tr>{{/applications}}
        {{^applications}}<tr><td colspan="4">No Sandbox or Production application yet.</td></tr>{{/applications}}
        </tbody>
        </table>
        <h3>Pending invitations</h3>
        <div class="scroll"><table id="organization-invitations">
        <thead><tr><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Link works until</th><th scope="col">Actions</th></tr></thead>
        <tbody>
        {{#invitations}}<tr><td>{{email}}</td><td>{{role}}</td><td>{{expires}}</td><td>
        <form class="inline" method="post" action="/portal/organizations/{{code}}/invitations/{{id}}/resend">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">Send again</button>
        </form>
        <form class="inline" method="post" action="/portal/organizations/{{code}}/invitations/{{id}}/cancel">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" class="danger">Withdraw</button>
        </form>
        </td></tr>{{/invitations}}
        {{^invitations}}<tr><td colspan="4">No invitation waits for an answer.</td></tr>{{/invitations}}
        </tbody>
        </table></div>
        <h3>Invite a developer</h3>
        <form method="post" action="/portal/organizations/{{code}}/invitations" class="stacked">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="invite-email">E-mail address</label>
        <input id="invite-email" name="email" type="email" required aria-describedby="invite-email-help">
        <small id="invite-email-help" class="help">The invitation link lasts seven days; it names the organization and the role.</small>
        <label for="invite-role">Role</label>
        <select id="invite-role" name="role"><option value="developer">Developer</option><option value="admin">Administrator</option></select>
        <button type="submit" id="invite-submit">Send the invitation</button>
        </form>
        </section>
        <section aria-labelledby="sandbox">
        <h2 id="sandbox">Sandbox tools</h2>
        <p>Reset the sandbox: every record in the {{code}} sandbox (users, catalogue, assets…) is deleted and the
        demo data is loaded again. Production is not touched. Fault injection is on each Sandbox key's page.</p>
        <form method="post" action="/portal/organizations/{{code}}/sandbox/reset">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p class="check"><input id="confirm-reset" name="confirm" type="checkbox" value="yes" required> <label for="confirm-reset">I understand that the sandbox data is replaced.</label></p>
        <button type="submit" class="danger" id="reset-sandbox">Reset the sandbox</button>
        </form>
        <h3 id="clock">Sandbox clock</h3>
        <p>The sandbox's clock is <strong id="clock-offset">{{clock}}</strong> from real time (sandbox time: {{clockTime}} GMT).
        Set it ahead to see loans fall due, overdue fines grow and hold-shelf time run out without waiting;
        production always keeps real time, and a sandbox reset puts the clock back.</p>
        <form method="post" action="/portal/organizations/{{code}}/sandbox/clock" class="stacked">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="clock-input">Offset from real time</label>
        <input id="clock-input" name="offset" required value="{{clock}}" aria-describedby="clock-help">
        <small id="clock-help" class="help">Days, hours, minutes and seconds: +14d, -2h, +1d12h, 0.</small>
        <button type="submit" id="set-clock">Set the clock</button>
        </form>
        <form method="post" action="/portal/organizations/{{code}}/sandbox/clock">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="reset" value="yes">
        <button type="submit" id="real-time">Back to real time</button>
        </form>
        </section>
        {{/admin}}
        {{/page}}
        {{/content}}{{/layout}}
        """
}
