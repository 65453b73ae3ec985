// ml-regression ships no type declarations; its multivariate linear regression is the typed
// ml-regression-multivariate-linear package re-exported, so borrow that package's types.
declare module "ml-regression" {
  export { default as MultivariateLinearRegression } from "ml-regression-multivariate-linear";
}
