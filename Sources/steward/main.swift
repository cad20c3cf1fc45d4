import Foundation
import StewardCLI

exit(await StewardMain.run(Array(CommandLine.arguments.dropFirst())))
