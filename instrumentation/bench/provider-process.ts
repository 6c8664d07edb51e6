/**
 * The fake OpenAI provider for the overhead benchmark, in its own process so that serving requests
 * does not share the measured event loop. Sends its URL to the parent over IPC.
 */
import { startFakeOpenAI } from '../src/testing/fake-openai';

const server = await startFakeOpenAI();
process.send?.({ url: server.url });
process.on('disconnect', () => {
  void server.close().then(() => process.exit(0));
});
