// The console: each panel polls what it shows, the flow listens to the event stream.
import { every } from './dom.js';
import { ensureAuthorised } from './api.js';
import { startFlow } from './flow.js';
import { startOrders, refreshOrders } from './orders.js';
import { startTimeline } from './timeline.js';
import { startCluster, refreshTopics, refreshConsumers } from './cluster.js';
import { startDeadLetters, refreshDeadLetters } from './dlq.js';
import { startLoad, refreshLoad } from './load.js';
import { refreshRevenue } from './catalog.js';

await ensureAuthorised();
startCluster();
startOrders();
startTimeline();
startDeadLetters();
startLoad();
startFlow();
every(1000, refreshLoad);
every(2000, refreshConsumers);
every(2000, refreshOrders);
every(3000, refreshTopics);
every(3000, refreshDeadLetters);
every(5000, refreshRevenue);
