import { describe, expect, it } from 'vitest'
import { startHttpbin } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(startHttpbin)

const PRE_REQUEST = `pm.variables.set("id", "42");
console.log("sending for", pm.variables.get("id"));`

const POST_RESPONSE = `pm.test("Status code is 200", function () {
  pm.response.to.have.status(200);
});
var jsonData = pm.response.json();
pm.test("echoes the id", function () {
  pm.expect(jsonData.url).to.match(/anything\\/42$/);
});
pm.test("a test that fails", () => pm.expect(jsonData.method).to.eql("POST"));
pm.environment.set("lastUrl", jsonData.url);`

const SIGNING = `pm.request.headers.add({ key: "X-Signature", value: CryptoJS.HmacSHA256("GET", "secret").toString() });`

const WITH_LIBRARIES = `var headers = pm.response.json().headers;
pm.test("signed by CryptoJS", () => pm.expect(_.get(headers, "X-Signature")).to.eql(CryptoJS.HmacSHA256("GET", "secret").toString()));
pm.test("a date by moment", () => pm.expect(require("moment").utc("2024-02-28").add(1, "day").format("D MMM")).to.eql("29 Feb"));
pm.test("the body matches a schema, by ajv", () => pm.response.to.have.jsonSchema({ type: "object", required: ["headers"], properties: { headers: { required: ["X-Signature"] } } }));
tests["tv4 agrees"] = tv4.validate(headers, { required: ["X-Signature"] });`

const JAR_SET = `pm.cookies.jar().set(pm.request.url.toString(), "from_script", "yes", (err) => {
  if (err) throw err;
});`

const JAR_CHECK = `pm.test("the cookie the script set was sent", () => pm.expect(pm.response.json().cookies).to.eql({ from_script: "yes" }));
pm.cookies.jar().get(pm.request.url.toString(), "from_script", (err, value) => {
  pm.test("the jar holds it", () => pm.expect(value).to.eql("yes"));
});`

const BASIC_BY_BUFFER = `const token = Buffer.from("user:passwd").toString("base64");
pm.request.headers.add({ key: "Authorization", value: "Basic " + token });`

const NODE_MODULES_CHECK = `pm.test("the server took the credentials", () => pm.response.to.have.status(200));
pm.test("the request as sent carries them", () => pm.expect(pm.request.headers.get("Authorization")).to.eql("Basic dXNlcjpwYXNzd2Q="));
const $ = cheerio.load("<form><input name='csrf' value='t0k3n'></form>");
pm.test("cheerio reads a form field", () => pm.expect($("input[name=csrf]").val()).to.eql("t0k3n"));
pm.test("url parses the address", () => pm.expect(require("url").parse(pm.request.url.toString()).pathname).to.eql("/basic-auth/user/passwd"));`

/**
 * Writes both scripts of the open request (screenshot `<shot>-editor`), sends it, and waits
 * for its Tests tab to say `summary`.
 */
async function sendWithScripts(
  preRequest: string,
  postResponse: string,
  summary: RegExp,
  shot: string,
) {
  const { ui } = ctx
  await ui.requestTab('Scripts')
  await ui.typeInEditor('Pre-request script', preRequest)
  await ui.request.getByRole('radio', { name: 'Post-response' }).check()
  await ui.typeInEditor('Post-response script', postResponse)
  await screenshot(ctx.bench.page, `${shot}-editor`)
  expect(await ui.send()).toBe('200 OK')
  const tests = ui.response.getByRole('tab', { name: /^Tests/ })
  await expect
    .poll(() => tests.getAttribute('aria-label').then((l) => l ?? tests.textContent()))
    .toMatch(summary)
  await tests.click()
}

describe('scripts in the app', () => {
  it('run pre-request and post-response scripts as Postman does, showing their tests and console', async () => {
    const { page } = ctx.bench
    const { ui } = ctx
    // An environment to receive what the script sets.
    await page.getByRole('button', { name: 'Manage environments' }).click()
    const dialog = page.getByRole('dialog', { name: 'Environments' })
    await dialog.getByRole('button', { name: 'Add environment' }).click()
    await dialog.getByRole('textbox', { name: 'Environment name' }).fill('scripted')
    await dialog.getByRole('button', { name: 'Save', exact: true }).click()
    await dialog.getByRole('button', { name: 'Close' }).first().click()
    await page.getByRole('combobox', { name: 'Environment' }).selectOption({ label: 'scripted' })

    await ui.newTab()
    await ui.setUrl(`${ctx.server.url}/anything/{{id}}`)
    await sendWithScripts(PRE_REQUEST, POST_RESPONSE, /2 of 3 passed|2\/3 passed/, 'scripts')
    const results = ui.response.getByRole('list', { name: 'Test results' }).getByRole('listitem')
    await expect.poll(() => results.count()).toBe(3)
    expect(await results.nth(0).textContent()).toMatch(/Passed:.*Status code is 200/)
    expect(await results.nth(1).textContent()).toMatch(/Passed:.*echoes the id/)
    expect(await results.nth(2).textContent()).toMatch(/Failed:.*a test that fails.*POST/)
    await screenshot(page, 'scripts-results')

    await ui.response.getByRole('tab', { name: /^Console/ }).click()
    const consoleLines = ui.response.getByRole('list', { name: 'Script console' })
    await expect.poll(() => consoleLines.textContent()).toContain('sending for 42')

    // pm.environment.set is kept in the active environment, as an edit would be.
    await page.getByRole('button', { name: 'Manage environments' }).click()
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Variable name' }).first().inputValue())
      .toBe('lastUrl')
    expect(await dialog.getByLabel('Variable value').first().inputValue()).toMatch(/anything\/42$/)
    await dialog.getByRole('button', { name: 'Close' }).first().click()
    expect(ctx.bench.errors).toEqual([])
  })

  it("use Postman's libraries: CryptoJS signs the request; lodash, moment, a JSON Schema and tv4 check the response", async () => {
    const { ui } = ctx
    await ui.newTab()
    await ui.setUrl(`${ctx.server.url}/headers`)
    await sendWithScripts(SIGNING, WITH_LIBRARIES, /4 of 4 passed|4\/4 passed/, 'scripts-libraries')
    await screenshot(ctx.bench.page, 'scripts-libraries')
    expect(ctx.bench.errors).toEqual([])
  })

  it("use the workspace's cookie jar: a pre-request script sets a cookie the send carries, a test reads it back", async () => {
    const { ui } = ctx
    await ui.newTab()
    await ui.setUrl(`${ctx.server.url}/cookies`)
    await sendWithScripts(JAR_SET, JAR_CHECK, /2 of 2 passed|2\/2 passed/, 'scripts-cookie-jar')
    await screenshot(ctx.bench.page, 'scripts-cookie-jar')
    // Typing the API offers its members: the jar among pm.cookies'.
    await ui.typeInEditor('Post-response script', 'pm.cookies.')
    await ctx.bench.page.keyboard.type('j')
    const offered = ctx.bench.page.getByRole('listbox').getByRole('option')
    await expect.poll(() => offered.allTextContents()).toEqual([expect.stringMatching(/^jar/)])
    await screenshot(ctx.bench.page, 'scripts-cookie-jar-completion')
    expect(ctx.bench.errors).toEqual([])
  })

  it("use Node's modules as Postman's sandbox lends them: Buffer builds a Basic auth header, cheerio and url read in tests", async () => {
    const { ui } = ctx
    await ui.newTab()
    await ui.setUrl(`${ctx.server.url}/basic-auth/user/passwd`)
    await sendWithScripts(
      BASIC_BY_BUFFER,
      NODE_MODULES_CHECK,
      /4 of 4 passed|4\/4 passed/,
      'scripts-node-modules',
    )
    await screenshot(ctx.bench.page, 'scripts-node-modules')
    expect(ctx.bench.errors).toEqual([])
  })
})
