namespace Execline.Tests.Conformance;

// One class per file of Cases/, so that xunit runs the files in parallel (CaseFilesTests fails for a file
// that has none).
[CaseFile("badinput.cases")] public sealed class BadInputCases : SideBySideCases;
[CaseFile("chainloaders.cases")] public sealed class ChainloadersCases : SideBySideCases;
[CaseFile("controlflow.cases")] public sealed class ControlFlowCases : SideBySideCases;
[CaseFile("eltest.cases")] public sealed class EltestCases : SideBySideCases;
[CaseFile("environment.cases")] public sealed class EnvironmentCases : SideBySideCases;
[CaseFile("fds.cases")] public sealed class FdsCases : SideBySideCases;
[CaseFile("jobs.cases")] public sealed class JobsCases : SideBySideCases;
[CaseFile("language.cases")] public sealed class LanguageCases : SideBySideCases;
[CaseFile("logging.cases")] public sealed class LoggingCases : SideBySideCases;
[CaseFile("limits.cases")] public sealed class LimitsCases : SideBySideCases;
[CaseFile("loops.cases")] public sealed class LoopsCases : SideBySideCases;
[CaseFile("spec9.cases")] public sealed class Spec9Cases : SideBySideCases;
[CaseFile("supervision-clients.cases")] public sealed class SupervisionClientsCases : SideBySideCases;
[CaseFile("svscan.cases")] public sealed class SvscanCases : SideBySideCases;
[CaseFile("variables.cases")] public sealed class VariablesCases : SideBySideCases;

[CaseFile("chainloaders.expected.cases")] public sealed class ChainloadersExpectedCases : ExpectedOutputCases;
[CaseFile("portable.expected.cases")] public sealed class PortableExpectedCases : ExpectedOutputCases;
[CaseFile("s6-rc.expected.cases")] public sealed class S6RcExpectedCases : ExpectedOutputCases;
[CaseFile("s6-rc-live.expected.cases")] public sealed class S6RcLiveExpectedCases : ExpectedOutputCases;
[CaseFile("s6-overlay-v3.expected.cases")] public sealed class S6OverlayV3ExpectedCases : ExpectedOutputCases;
[CaseFile("signals.expected.cases")] public sealed class SignalsExpectedCases : ExpectedOutputCases;
