using SdnDashboard.Collectors.Hosting;

return await CollectorCommandLine.RunAsync(args).ConfigureAwait(false);
