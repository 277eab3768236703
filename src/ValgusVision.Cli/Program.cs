using ValgusVision.Cli;

return await CliApp.RunAsync(args);
