// The runner bench's floor: what the machine takes for the same sequential round trips
// with nothing in between, Node's own http client on one kept-alive socket, in a process of
// its own like the tools. `node rawClient.mjs BASE_URL REQUESTS ITERATIONS`: GET
// BASE_URL/items/i?user=uN, REQUESTS per iteration; exits 1 on any other answer than 200.
import http from 'node:http'

const [base, requests, iterations] = [
  process.argv[2],
  Number(process.argv[3]),
  Number(process.argv[4]),
]
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

function get(url) {
  return new Promise((done, fail) => {
    http
      .get(url, { agent }, (res) => {
        res.resume()
        res.on('end', () =>
          res.statusCode === 200 ? done() : fail(new Error(`${url}: ${res.statusCode}`)),
        )
      })
      .on('error', fail)
  })
}

for (let it = 1; it <= iterations; it++) {
  for (let i = 1; i <= requests; i++) await get(`${base}/items/${i}?user=u${it}`)
}
agent.destroy()
