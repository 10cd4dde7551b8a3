using Nlp.Cli;

return VnlpApp.Run(args);
