-- Graph gives tasks no web address, so the sync never stored one; a Planner task's link is built where it is
-- shown (src/reports/task-links.ts) and To Do tasks have none.
alter table tasks drop column web_url;
